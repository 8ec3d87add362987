using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Purser.Engine.Storage;

/// <summary>
/// "Someone else inserted that key first": the one database error that a claim, a reservation or a
/// racing create means to catch. Anything else (a lost connection, a foreign key, a full disk) is
/// a real failure and must not be mistaken for losing a race.
/// </summary>
internal static class UniqueViolation
{
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    public static bool Is(DbUpdateException error) => error?.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException lite => lite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        _ => false,
    };
}
