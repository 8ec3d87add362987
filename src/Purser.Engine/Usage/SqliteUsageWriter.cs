using Microsoft.Data.Sqlite;
using Purser.Engine.Storage;

namespace Purser.Engine.Usage;

/// <summary>
/// SQLite: prepared statements in one <c>BEGIN IMMEDIATE</c> transaction. Aggregates are summed
/// in decimal here rather than in SQL, where SQLite would add the stored text as floating point.
/// </summary>
internal sealed class SqliteUsageWriter(string connectionString) : IUsageWriter
{
    public async Task<IReadOnlySet<UsageEventKey>> WriteAsync(string source, IReadOnlyList<ValidatedUsage> events, DateTime receivedAt, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var inserted = new HashSet<UsageEventKey>();
        var days = new DailyUsageTotals();

        await using (var insert = Command(connection, tx, """
            INSERT INTO "UsageEvents" ("BillingAccountId","Source","EventId","SubscriptionId","MeterId","Quantity","Timestamp","ResourceId","Tags","ReceivedAt")
            VALUES ($account,$source,$event,$subscription,$meter,$quantity,$timestamp,$resource,$tags,$received)
            ON CONFLICT ("BillingAccountId","Source","EventId") DO NOTHING
            """, "$account", "$source", "$event", "$subscription", "$meter", "$quantity", "$timestamp", "$resource", "$tags", "$received"))
        {
            insert.Parameters["$source"].Value = source;
            insert.Parameters["$received"].Value = SqliteText.Of(receivedAt);
            foreach (var e in events)
            {
                insert.Parameters["$account"].Value = SqliteText.Of(e.BillingAccountId);
                insert.Parameters["$event"].Value = e.EventId;
                insert.Parameters["$subscription"].Value = SqliteText.Of(e.SubscriptionId);
                insert.Parameters["$meter"].Value = SqliteText.Of(e.MeterId);
                insert.Parameters["$quantity"].Value = SqliteText.Of(e.Quantity);
                insert.Parameters["$timestamp"].Value = SqliteText.Of(e.TimestampUtc);
                insert.Parameters["$resource"].Value = (object?)e.ResourceId ?? DBNull.Value;
                insert.Parameters["$tags"].Value = (object?)e.Tags ?? DBNull.Value;
                if (await insert.ExecuteNonQueryAsync(ct) == 0)
                    continue;
                inserted.Add(UsageEventKey.Of(e));
                days.Add(e);
            }
        }

        await using var read = Command(connection, tx, """
            SELECT "Quantity" FROM "UsageDailyAggregates" WHERE "SubscriptionId" = $subscription AND "MeterId" = $meter AND "UsageDate" = $day
            """, "$subscription", "$meter", "$day");
        await using var upsert = Command(connection, tx, """
            INSERT INTO "UsageDailyAggregates" ("SubscriptionId","MeterId","UsageDate","BillingAccountId","Quantity","RatedQuantity","RatedAmount","UpdatedAt")
            VALUES ($subscription,$meter,$day,$account,$quantity,'0.0','0.0',$updated)
            ON CONFLICT ("SubscriptionId","MeterId","UsageDate","BillingAccountId") DO UPDATE SET "Quantity" = excluded."Quantity", "UpdatedAt" = excluded."UpdatedAt"
            """, "$subscription", "$meter", "$day", "$account", "$quantity", "$updated");
        upsert.Parameters["$updated"].Value = SqliteText.Of(receivedAt);
        foreach (var (subscription, meter, day, account, quantity) in days.InKeyOrder())
        {
            foreach (var command in new[] { read, upsert })
            {
                command.Parameters["$subscription"].Value = SqliteText.Of(subscription);
                command.Parameters["$meter"].Value = SqliteText.Of(meter);
                command.Parameters["$day"].Value = SqliteText.Of(day);
            }
            var stored = await read.ExecuteScalarAsync(ct) as string;
            upsert.Parameters["$account"].Value = SqliteText.Of(account);
            upsert.Parameters["$quantity"].Value = SqliteText.Of((stored is null ? 0m : SqliteText.Decimal(stored)) + quantity);
            await upsert.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return inserted;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction tx, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var name in parameters)
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }
}
