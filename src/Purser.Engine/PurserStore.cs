using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Purser.Engine.Storage;

namespace Purser.Engine;

/// <summary>
/// The one database Purser runs on: the embedded SQLite file by default, or PostgreSQL when
/// the connection string names a host. Owns the connection pool; hands out short-lived contexts.
/// </summary>
public sealed class PurserStore : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    // Contexts are pooled: a balance read or a token check is a context or two, and building one each time was a
    // large part of those requests' cost (B-BAL).
    private readonly PooledDbContextFactory<SqlitePurserDbContext>? _sqliteContexts;
    private readonly PooledDbContextFactory<PostgresPurserDbContext>? _postgresContexts;
    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);

    public PurserStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        Engine = DetectEngine(connectionString);
        if (Engine == StorageEngine.Postgres)
        {
            // Named, or Npgsql labels its metrics and spans with the connection string (host, user, database) for every scraper to read.
            _postgres = new NpgsqlDataSourceBuilder(connectionString) { Name = "purser" }.Build();
            _postgresContexts = new(new DbContextOptionsBuilder<PostgresPurserDbContext>().UseNpgsql(_postgres).Options);
        }
        else
        {
            var sqlite = new SqliteConnectionStringBuilder(connectionString) { Pooling = true, DefaultTimeout = 30 };
            SqliteConnectionString = sqlite.ToString();
            _sqliteContexts = new(new DbContextOptionsBuilder<SqlitePurserDbContext>().UseSqlite(SqliteConnectionString).Options);
        }
    }

    public StorageEngine Engine { get; }

    /// <summary>
    /// How many billing profiles a background pass changes at once: PostgreSQL locks per profile, so
    /// profiles proceed side by side; SQLite has one writer, so a second would only wait.
    /// </summary>
    public int ProfileParallelism => Engine == StorageEngine.Postgres ? Math.Max(4, Environment.ProcessorCount) : 1;

    internal string? SqliteConnectionString { get; }

    /// <summary>
    /// Runs one of this process's SQLite write transactions once the one before it has ended. SQLite has one writer, and a
    /// connection that finds the file locked sleeps and tries again (Microsoft.Data.Sqlite's busy loop): under several
    /// writers a trace of B-INGEST-LITE spent more thread time asleep there than writing. Waiting here instead hands the
    /// lock on the moment it is free. Other processes on the file still meet the busy loop. On PostgreSQL it runs at once.
    /// </summary>
    internal async Task<T> OneWriterAsync<T>(Func<Task<T>> write, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (Engine == StorageEngine.Postgres)
            return await write();
        await _sqliteWriter.WaitAsync(ct);
        try
        {
            return await write();
        }
        finally
        {
            _sqliteWriter.Release();
        }
    }

    internal NpgsqlDataSource? PostgresDataSource => _postgres;

    /// <summary>A connection string names PostgreSQL when it has a host; anything else is a SQLite file.</summary>
    public static StorageEngine DetectEngine(string connectionString) =>
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase)
        || connectionString.StartsWith("postgres", StringComparison.OrdinalIgnoreCase)
            ? StorageEngine.Postgres
            : StorageEngine.Sqlite;

    public static string SqliteFile(string path) => new SqliteConnectionStringBuilder { DataSource = path }.ToString();

    internal PurserDbContext CreateContext() => Engine == StorageEngine.Postgres
        ? _postgresContexts!.CreateDbContext()
        : _sqliteContexts!.CreateDbContext();

    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await using var db = CreateContext();
        await db.Database.MigrateAsync(ct);
        await Credits.LedgerCheck.KeepMissingAsync(db, ct);
        if (Engine == StorageEngine.Sqlite)
        {
            // WAL lets readers (portal, ARM) proceed while ingestion or a billing run writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }

    /// <summary>
    /// A read-only transaction that sees one consistent snapshot: REPEATABLE READ on PostgreSQL,
    /// a deferred transaction on SQLite (in WAL mode, a reader's snapshot that takes no write lock).
    /// </summary>
    internal async Task<IDbContextTransaction> BeginSnapshotAsync(PurserDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (Engine == StorageEngine.Postgres)
            return await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await db.Database.OpenConnectionAsync(ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        return (await db.Database.UseTransactionAsync(connection.BeginTransaction(deferred: true), ct))!;
    }

    public async Task<bool> CanConnectAsync(CancellationToken ct = default)
    {
        await using var db = CreateContext();
        return await db.Database.CanConnectAsync(ct);
    }

    /// <summary>The migrations this build has that the database has not applied: a server started before <c>purser migrate</c> ran.</summary>
    public async Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken ct = default)
    {
        await using var db = CreateContext();
        return [.. await db.Database.GetPendingMigrationsAsync(ct)];
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
            await _postgres.DisposeAsync();
        _sqliteWriter.Dispose();
    }
}
