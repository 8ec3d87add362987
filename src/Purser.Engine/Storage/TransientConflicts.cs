using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Purser.Engine.Storage;

/// <summary>
/// Reruns a whole transaction that PostgreSQL aborted as a deadlock or serialization failure, or whose
/// update lost to another's on a concurrency token (a budget's stop).
/// Only for work that is safe to repeat from the start: its transaction rolled back, and its
/// decisions are made again on fresh state.
/// </summary>
internal static class TransientConflicts
{
    private const int Attempts = 5;

    public static async Task<T> RetryAsync<T>(Func<Task<T>> work)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work();
            }
            catch (Exception ex) when (attempt < Attempts && IsTransient(ex))
            {
                // Another transaction won the race; the next attempt sees what it committed.
            }
        }
    }

    private static bool IsTransient(Exception ex) =>
        ex is DbUpdateConcurrencyException
        || (ex as PostgresException ?? ex.InnerException as PostgresException) is { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure };
}
