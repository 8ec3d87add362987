using Npgsql;
using NpgsqlTypes;

namespace Purser.Engine.Usage;

/// <summary>
/// PostgreSQL: the events, then what they add to the daily aggregates (summed per day in memory), in one transaction.
/// A wholly new batch is copied in; one that repeats a stored event is inserted from array parameters, skipping what is
/// stored and returning the keys it wrote. Arrays rather than a temp table: a pooled connection is reset on return
/// (DISCARD ALL drops temp tables), so a staging table was created anew for every batch, and each statement that read it
/// was planned anew against a table without statistics (traced: about 65 ms of a batch's server time).
/// </summary>
internal sealed class PostgresUsageWriter(NpgsqlDataSource dataSource) : IUsageWriter
{
    private const string Copy = """
        COPY "UsageEvents" ("BillingAccountId","Source","EventId","SubscriptionId","MeterId","Quantity","Timestamp","ResourceId","Tags","ReceivedAt")
        FROM STDIN (FORMAT BINARY)
        """;

    private const string InsertEvents = """
        INSERT INTO "UsageEvents" ("BillingAccountId","Source","EventId","SubscriptionId","MeterId","Quantity","Timestamp","ResourceId","Tags","ReceivedAt")
        SELECT e.account, @source, e.event, e.subscription, e.meter, e.quantity, e.at, e.resource, e.tags, @received
        FROM unnest(@accounts, @events, @subscriptions, @meters, @quantities, @timestamps, @resources, @tags)
            AS e(account, event, subscription, meter, quantity, at, resource, tags)
        ORDER BY e.account, e.event
        ON CONFLICT ("BillingAccountId","Source","EventId") DO NOTHING
        RETURNING "BillingAccountId", "EventId"
        """;

    private const string AddToDays = """
        INSERT INTO "UsageDailyAggregates" ("SubscriptionId","MeterId","UsageDate","BillingAccountId","Quantity","RatedQuantity","RatedAmount","UpdatedAt")
        SELECT d.subscription, d.meter, d.day, d.account, d.quantity, 0, 0, @received
        FROM unnest(@subscriptions, @meters, @days, @accounts, @quantities) WITH ORDINALITY AS d(subscription, meter, day, account, quantity, n)
        ORDER BY d.n
        ON CONFLICT ("SubscriptionId","MeterId","UsageDate","BillingAccountId")
        DO UPDATE SET "Quantity" = "UsageDailyAggregates"."Quantity" + EXCLUDED."Quantity", "UpdatedAt" = EXCLUDED."UpdatedAt"
        """;

    public Task<IReadOnlySet<UsageEventKey>> WriteAsync(string source, IReadOnlyList<ValidatedUsage> events, DateTime receivedAt, CancellationToken ct) =>
        // Aggregates are locked in key order, but rating updates them too and two batches may copy the same new event ids in
        // another order; a deadlock loser simply writes again.
        Storage.TransientConflicts.RetryAsync(() => WriteOnceAsync(source, events, receivedAt, ct));

    private async Task<IReadOnlySet<UsageEventKey>> WriteOnceAsync(string source, IReadOnlyList<ValidatedUsage> events, DateTime receivedAt, CancellationToken ct) =>
        await InTransactionAsync(events, receivedAt, (connection, _) => CopyAllAsync(connection, source, events, receivedAt, ct), ct)
        ?? (await InTransactionAsync(events, receivedAt, (connection, tx) => InsertNewAsync(connection, tx, source, events, receivedAt, ct), ct))!;

    /// <summary>
    /// Writes the events with <paramref name="writeEvents"/>, then adds the ones it wrote to their daily aggregates, and
    /// commits. Null (the events were not written) rolls back.
    /// </summary>
    private async Task<IReadOnlySet<UsageEventKey>?> InTransactionAsync(IReadOnlyList<ValidatedUsage> events, DateTime receivedAt,
        Func<NpgsqlConnection, NpgsqlTransaction, Task<IReadOnlySet<UsageEventKey>?>> writeEvents, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var inserted = await writeEvents(connection, tx);
        if (inserted is null)
            return null;
        var days = new DailyUsageTotals();
        foreach (var e in events.Where(e => inserted.Contains(UsageEventKey.Of(e))))
            days.Add(e);
        await AddToDaysAsync(connection, tx, days, receivedAt, ct);
        await tx.CommitAsync(ct);
        return inserted;
    }

    /// <summary>
    /// Most batches are wholly new: they go in by binary COPY, as fast as the store takes rows. A batch holding an event stored
    /// before fails whole on the unique key and writes nothing; null then sends it the way that skips what is stored.
    /// </summary>
    private static async Task<IReadOnlySet<UsageEventKey>?> CopyAllAsync(NpgsqlConnection connection, string source, IReadOnlyList<ValidatedUsage> events,
        DateTime receivedAt, CancellationToken ct)
    {
        try
        {
            await using var copy = await connection.BeginBinaryImportAsync(Copy, ct);
            foreach (var e in events)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(e.BillingAccountId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(source, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(e.EventId, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(e.SubscriptionId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(e.MeterId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(e.Quantity, NpgsqlDbType.Numeric, ct);
                await copy.WriteAsync(e.TimestampUtc, NpgsqlDbType.TimestampTz, ct);
                await WriteNullableAsync(copy, e.ResourceId, ct);
                await WriteNullableAsync(copy, e.Tags, ct);
                await copy.WriteAsync(receivedAt, NpgsqlDbType.TimestampTz, ct);
            }
            await copy.CompleteAsync(ct);
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return null;
        }
        return events.Select(UsageEventKey.Of).ToHashSet();
    }

    private static async Task<IReadOnlySet<UsageEventKey>?> InsertNewAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string source,
        IReadOnlyList<ValidatedUsage> events, DateTime receivedAt, CancellationToken ct)
    {
        var inserted = new HashSet<UsageEventKey>();
        await using var insert = new NpgsqlCommand(InsertEvents, connection, tx);
        insert.Parameters.Add(new NpgsqlParameter<string>("source", source));
        insert.Parameters.Add(new NpgsqlParameter<DateTime>("received", receivedAt));
        insert.Parameters.Add(new NpgsqlParameter<Guid[]>("accounts", [.. events.Select(e => e.BillingAccountId)]));
        insert.Parameters.Add(new NpgsqlParameter<string[]>("events", [.. events.Select(e => e.EventId)]));
        insert.Parameters.Add(new NpgsqlParameter<Guid[]>("subscriptions", [.. events.Select(e => e.SubscriptionId)]));
        insert.Parameters.Add(new NpgsqlParameter<Guid[]>("meters", [.. events.Select(e => e.MeterId)]));
        insert.Parameters.Add(new NpgsqlParameter<decimal[]>("quantities", [.. events.Select(e => e.Quantity)]));
        insert.Parameters.Add(new NpgsqlParameter<DateTime[]>("timestamps", [.. events.Select(e => e.TimestampUtc)]));
        insert.Parameters.Add(new NpgsqlParameter<string?[]>("resources", [.. events.Select(e => e.ResourceId)]));
        insert.Parameters.Add(new NpgsqlParameter<string?[]>("tags", [.. events.Select(e => e.Tags)]));
        await using var reader = await insert.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            inserted.Add(new UsageEventKey(reader.GetGuid(0), reader.GetString(1)));
        return inserted;
    }

    private static async Task AddToDaysAsync(NpgsqlConnection connection, NpgsqlTransaction tx, DailyUsageTotals days, DateTime receivedAt, CancellationToken ct)
    {
        if (days.Count == 0)
            return;
        var totals = days.InKeyOrder().ToList();
        await using var add = new NpgsqlCommand(AddToDays, connection, tx);
        add.Parameters.Add(new NpgsqlParameter<DateTime>("received", receivedAt));
        add.Parameters.Add(new NpgsqlParameter<Guid[]>("subscriptions", [.. totals.Select(d => d.Subscription)]));
        add.Parameters.Add(new NpgsqlParameter<Guid[]>("meters", [.. totals.Select(d => d.Meter)]));
        add.Parameters.Add(new NpgsqlParameter<DateOnly[]>("days", [.. totals.Select(d => d.Day)]));
        add.Parameters.Add(new NpgsqlParameter<Guid[]>("accounts", [.. totals.Select(d => d.Account)]));
        add.Parameters.Add(new NpgsqlParameter<decimal[]>("quantities", [.. totals.Select(d => d.Quantity)]));
        await add.ExecuteNonQueryAsync(ct);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, NpgsqlDbType.Varchar, ct);
}
