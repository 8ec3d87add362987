using System.Collections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Purser.Engine;
using Purser.Testing;

namespace Purser.Engine.Tests.Storage;

public class SchemaRoundTripTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Every_entity_written_to_a_fresh_database_reads_back_equal(StorageEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine, migrated: false);
        var store = db.Store;
        await store.MigrateAsync();
        var samples = EntitySamples.All();

        await using (var write = store.CreateContext())
        {
            write.AddRange(samples);
            await write.SaveChangesAsync();
        }

        await AssertReadBackAsync(store, samples);
    }

    /// <summary>
    /// The upgrade that rekeyed every customer table by (Id, BillingAccountId) (SPEC §6) keeps every row: SQLite rebuilds
    /// each table and PostgreSQL swaps keys and references under data written at the schema before it.
    /// </summary>
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Rows_written_before_the_distributed_keys_upgrade_read_back_equal_after_it(StorageEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine, migrated: false);
        var store = db.Store;
        var samples = EntitySamples.All();
        await using (var write = store.CreateContext())
        {
            var migrations = write.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_DistributedKeys", StringComparison.Ordinal)) - 1];
            await write.GetService<IMigrator>().MigrateAsync(before);
            write.AddRange(samples);
            await write.SaveChangesAsync();
        }

        await store.MigrateAsync();

        await AssertReadBackAsync(store, samples);
    }

    private static async Task AssertReadBackAsync(PurserStore store, IReadOnlyList<object> samples)
    {
        await using var read = store.CreateContext();
        var mapped = read.Model.GetEntityTypes().Where(t => !t.IsOwned()).Select(t => t.ClrType).ToHashSet();
        Assert.Equal(mapped, samples.Select(s => s.GetType()).ToHashSet());
        foreach (var sample in samples)
        {
            var entityType = read.Model.FindEntityType(sample.GetType())!;
            var key = entityType.FindPrimaryKey()!.Properties.Select(p => p.PropertyInfo!.GetValue(sample)).ToArray();
            var stored = await read.FindAsync(sample.GetType(), key);
            Assert.NotNull(stored);
            AssertSameValues(sample, stored, sample.GetType().Name);
        }
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Migrating_twice_is_a_no_op(StorageEngine engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine);
        await db.Store.MigrateAsync();
        await using var ctx = db.Store.CreateContext();
        Assert.Empty(await ctx.Database.GetPendingMigrationsAsync());
    }

    private static void AssertSameValues(object expected, object actual, string path)
    {
        foreach (var property in expected.GetType().GetProperties())
        {
            var e = property.GetValue(expected);
            var a = property.GetValue(actual);
            var where = $"{path}.{property.Name}";
            if (e is null || a is null || e is string || e.GetType().IsValueType)
                Assert.True(Equals(e, a), $"{where}: expected {e}, read back {a}");
            else if (e is not IEnumerable)
                AssertSameValues(e, a, where);
        }
    }
}
