using Npgsql;
using NpgsqlTypes;

namespace Purser.Engine.Usage;

/// <summary>
/// PostgreSQL: binary <c>COPY</c> into a session temp table, then one statement that inserts
/// the events not seen before and adds exactly those to the daily aggregates.
/// </summary>
internal sealed class PostgresUsageWriter(NpgsqlDataSource dataSource) : IUsageWriter
{
    private const string Stage = """
        CREATE TEMP TABLE IF NOT EXISTS usage_in (
            "BillingAccountId" uuid, "EventId" text, "SubscriptionId" uuid, "MeterId" uuid, "Quantity" numeric,
            "Timestamp" timestamptz, "UsageDate" date, "ResourceId" text, "Tags" text) ON COMMIT DELETE ROWS
        """;

    private const string Merge = """
        WITH ins AS (
            INSERT INTO "UsageEvents" ("BillingAccountId","Source","EventId","SubscriptionId","MeterId","Quantity","Timestamp","ResourceId","Tags","ReceivedAt")
            SELECT "BillingAccountId", @source, "EventId", "SubscriptionId", "MeterId", "Quantity", "Timestamp", "ResourceId", "Tags", @received FROM usage_in
            ORDER BY "BillingAccountId", "EventId"
            ON CONFLICT ("BillingAccountId","Source","EventId") DO NOTHING
            RETURNING "BillingAccountId", "EventId"
        ), agg AS (
            INSERT INTO "UsageDailyAggregates" ("SubscriptionId","MeterId","UsageDate","BillingAccountId","Quantity","RatedQuantity","RatedAmount","UpdatedAt")
            SELECT u."SubscriptionId", u."MeterId", u."UsageDate", u."BillingAccountId", sum(u."Quantity"), 0, 0, @received
            FROM ins JOIN usage_in u ON u."BillingAccountId" = ins."BillingAccountId" AND u."EventId" = ins."EventId"
            GROUP BY u."SubscriptionId", u."MeterId", u."UsageDate", u."BillingAccountId"
            ORDER BY u."SubscriptionId", u."MeterId", u."UsageDate"
            ON CONFLICT ("SubscriptionId","MeterId","UsageDate","BillingAccountId")
            DO UPDATE SET "Quantity" = "UsageDailyAggregates"."Quantity" + EXCLUDED."Quantity", "UpdatedAt" = EXCLUDED."UpdatedAt"
        )
        SELECT "BillingAccountId", "EventId" FROM ins
        """;

    public Task<IReadOnlySet<UsageEventKey>> WriteAsync(string source, IReadOnlyList<ValidatedUsage> events, DateTime receivedAt, CancellationToken ct) =>
        // Rows are locked in key order, but rating updates aggregates too; a deadlock loser simply writes again.
        Storage.TransientConflicts.RetryAsync(() => WriteOnceAsync(source, events, receivedAt, ct));

    private async Task<IReadOnlySet<UsageEventKey>> WriteOnceAsync(string source, IReadOnlyList<ValidatedUsage> events, DateTime receivedAt, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var stage = new NpgsqlCommand(Stage, connection, tx))
            await stage.ExecuteNonQueryAsync(ct);
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY usage_in (\"BillingAccountId\",\"EventId\",\"SubscriptionId\",\"MeterId\",\"Quantity\",\"Timestamp\",\"UsageDate\",\"ResourceId\",\"Tags\") FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var e in events)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(e.BillingAccountId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(e.EventId, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(e.SubscriptionId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(e.MeterId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(e.Quantity, NpgsqlDbType.Numeric, ct);
                await copy.WriteAsync(e.TimestampUtc, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(e.UsageDate, NpgsqlDbType.Date, ct);
                await WriteNullable(copy, e.ResourceId, ct);
                await WriteNullable(copy, e.Tags, ct);
            }
            await copy.CompleteAsync(ct);
        }
        var inserted = new HashSet<UsageEventKey>();
        await using (var merge = new NpgsqlCommand(Merge, connection, tx))
        {
            merge.Parameters.AddWithValue("source", source);
            merge.Parameters.AddWithValue("received", NpgsqlDbType.TimestampTz, receivedAt);
            await using var reader = await merge.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                inserted.Add(new UsageEventKey(reader.GetGuid(0), reader.GetString(1)));
        }
        await tx.CommitAsync(ct);
        return inserted;
    }

    private static Task WriteNullable(NpgsqlBinaryImporter copy, string? value, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, NpgsqlDbType.Text, ct);
}
