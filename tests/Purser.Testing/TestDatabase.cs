using Npgsql;
using Purser.Engine;

namespace Purser.Testing;

/// <summary>A freshly migrated, empty Purser database of one engine, owned by one test.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static bool _templateReady;
    private static int _counter;

    private readonly string? _sqliteDir;
    private readonly string? _postgresName;

    private TestDatabase(PurserStore store, string connectionString, string? sqliteDir, string? postgresName)
    {
        Store = store;
        ConnectionString = connectionString;
        _sqliteDir = sqliteDir;
        _postgresName = postgresName;
    }

    public PurserStore Store { get; }

    public string ConnectionString { get; }

    public StorageEngine Engine => Store.Engine;

    /// <summary>A migrated database; with <paramref name="migrated"/> false, an empty one for tests of migration itself.</summary>
    public static async Task<TestDatabase> CreateAsync(StorageEngine engine, bool migrated = true, CancellationToken ct = default)
    {
        if (engine == StorageEngine.Sqlite)
        {
            var dir = Path.Combine(Path.GetTempPath(), "purser-test-" + Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(dir);
            var cs = PurserStore.SqliteFile(Path.Combine(dir, "purser.db"));
            var store = new PurserStore(cs);
            if (migrated)
                await store.MigrateAsync(ct);
            return new TestDatabase(store, cs, dir, null);
        }

        var name = $"t{Environment.ProcessId}_{Interlocked.Increment(ref _counter)}";
        if (migrated)
        {
            await EnsureTemplateAsync(ct);
            await AdminAsync($"CREATE DATABASE {name} TEMPLATE purser_template", ct);
        }
        else
        {
            await AdminAsync($"CREATE DATABASE {name}", ct);
        }
        var pgcs = PostgresCluster.Instance.ConnectionString(name);
        return new TestDatabase(new PurserStore(pgcs), pgcs, null, name);
    }

    /// <summary>A migrated database at <paramref name="connectionString"/> on a server the caller owns (and drops with it).</summary>
    internal static async Task<TestDatabase> MigratedAtAsync(string connectionString)
    {
        var store = new PurserStore(connectionString);
        await store.MigrateAsync();
        return new TestDatabase(store, connectionString, null, null);
    }

    /// <summary>
    /// A new database holding exactly what this one holds now: for many runs from one world built once. Nothing may be
    /// connected to this database meanwhile (stop its servers first): SQLite copies the file, PostgreSQL clones it as a template.
    /// </summary>
    public async Task<TestDatabase> CloneAsync(CancellationToken ct = default)
    {
        if (_sqliteDir is not null)
        {
            // Closing every pooled connection checkpoints the WAL; a WAL left behind is copied with the file and replayed on open.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var dir = Path.Combine(Path.GetTempPath(), "purser-test-" + Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(dir);
            foreach (var suffix in new[] { "", "-wal" })
            {
                var file = Path.Combine(_sqliteDir, "purser.db" + suffix);
                if (File.Exists(file))
                    File.Copy(file, Path.Combine(dir, "purser.db" + suffix));
            }
            var cs = PurserStore.SqliteFile(Path.Combine(dir, "purser.db"));
            return new TestDatabase(new PurserStore(cs), cs, dir, null);
        }

        var name = $"t{Environment.ProcessId}_{Interlocked.Increment(ref _counter)}";
        // Idle pooled sessions of this process would make the template busy; what used them is stopped.
        await AdminAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{_postgresName}' AND pid <> pg_backend_pid()", ct);
        await AdminAsync($"CREATE DATABASE {name} TEMPLATE {_postgresName}", ct);
        var pgcs = PostgresCluster.Instance.ConnectionString(name);
        return new TestDatabase(new PurserStore(pgcs), pgcs, null, name);
    }

    // Migrating once and cloning keeps each PostgreSQL test's set-up to one CREATE DATABASE.
    private static async Task EnsureTemplateAsync(CancellationToken ct)
    {
        await TemplateGate.WaitAsync(ct);
        try
        {
            if (_templateReady)
                return;
            await AdminAsync("CREATE DATABASE purser_template", ct);
            var cs = PostgresCluster.Instance.ConnectionString("purser_template") + ";Pooling=false";
            await using (var store = new PurserStore(cs))
                await store.MigrateAsync(ct);
            _templateReady = true;
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    private static async Task AdminAsync(string sql, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(PostgresCluster.Instance.ConnectionString("postgres") + ";Pooling=false");
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        if (_sqliteDir is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_sqliteDir, recursive: true);
        }
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await AdminAsync($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", CancellationToken.None);
        }
    }
}
