using Npgsql;

namespace Purser.Engine;

/// <summary>
/// "The database is not there right now": a connection refused or cut, a server shutting down or failing over, or a standby
/// that does not take writes yet. The call did not change anything for certain and may be sent again; unlike a refused
/// statement (a constraint, bad SQL), which <see cref="PostgresException"/>s with other states are.
/// </summary>
public static class DatabaseOutage
{
    // 08: connection exceptions; 57P: operator intervention (admin shutdown, crash shutdown, cannot connect now);
    // 25006: read-only transaction, a standby not promoted yet.
    public static bool Is(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg:
                    return pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("57P", StringComparison.Ordinal)
                        || pg.SqlState == PostgresErrorCodes.ReadOnlySqlTransaction;
                case NpgsqlException:
                    // Not a statement the server refused, so the connection itself failed: refused, cut mid-reply, timed out,
                    // or no host of a multi-host string is a writable primary.
                    return true;
            }
        }
        return false;
    }
}
