using System.Collections.Concurrent;
using System.Diagnostics;
using Purser.Engine;
using Purser.Testing;

namespace Purser.Server.Tests.Reliability;

/// <summary>The billing-run tests share one built world per engine and run one at a time, so their timings are their own.</summary>
[CollectionDefinition(Name)]
public sealed class BillingRunCollection : ICollectionFixture<BillingRunWorlds>
{
    public const string Name = "Billing runs";
}

/// <summary>A built world in a database that is only ever copied, and the operator token it holds.</summary>
internal sealed record BuiltWorld(TestDatabase Database, BillingRunWorld World, string OperatorToken, TimeSpan BuildTime);

/// <summary>
/// <see cref="BillingRunWorld"/> built once per engine (it is the slow part: hundreds of API calls), from one seed;
/// every test takes copies of its database.
/// </summary>
public sealed class BillingRunWorlds : IAsyncLifetime
{
    public const int Seed = 20250601;
    public const int Profiles = 24;

    private readonly ConcurrentDictionary<StorageEngine, Lazy<Task<BuiltWorld>>> _worlds = [];

    internal Task<BuiltWorld> GetAsync(StorageEngine engine) =>
        _worlds.GetOrAdd(engine, e => new Lazy<Task<BuiltWorld>>(() => BuildAsync(e))).Value;

    private static async Task<BuiltWorld> BuildAsync(StorageEngine engine)
    {
        var clock = Stopwatch.StartNew();
        var database = await TestDatabase.CreateAsync(engine);
        await using var api = await PurserApi.StartOnAsync(database, BillingRunWorld.Opened);
        var world = await BillingRunWorld.BuildAsync(api, Profiles, Seed);
        return new BuiltWorld(database, world, api.OperatorToken, clock.Elapsed);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var world in _worlds.Values)
            await (await world.Value).Database.DisposeAsync();
    }
}
