using Microsoft.EntityFrameworkCore;
using Purser.Engine.Storage;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Idempotency;

/// <summary>What a key already stands for: nothing yet (go ahead), a call still running, or a stored reply.</summary>
public abstract record KeyState
{
    public sealed record Reserved : KeyState;
    public sealed record InProgress : KeyState;
    public sealed record Mismatch : KeyState;
    public sealed record Completed(int StatusCode, string Body) : KeyState;
}

/// <summary>
/// The first reply to a mutating call, kept by (operation, key). A call reserves its key
/// before it runs, so two racing calls with one key cannot both take effect (T-IDEMPOTENT).
/// A reservation left without a reply for <see cref="Lease"/> is taken over by the next call with
/// its key, which runs again: a server killed mid-call never completes or frees it (T-CRASH).
/// What is keyed underneath (charges, credit grants, payments, usage events, one invoice per
/// period) still happens once.
/// </summary>
public sealed class IdempotentReplies(PurserStore store, TimeProvider clock)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public async Task<KeyState> ReserveAsync(string operation, string key, string requestHash, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = store.CreateContext();
        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            Operation = operation, Key = key, RequestHash = requestHash, StatusCode = 0, ResponseBody = "", CreatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(ct);
            return new KeyState.Reserved();
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            await using var read = store.CreateContext();
            var existing = await read.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Operation == operation && r.Key == key, ct);
            return existing switch
            {
                null => throw new InvalidOperationException("Idempotency record vanished while reserving."),
                { RequestHash: var h } when h != requestHash => new KeyState.Mismatch(),
                { StatusCode: 0 } when existing.CreatedAt <= now - Lease && await TakeOverAsync(read, existing, now, ct) => new KeyState.Reserved(),
                { StatusCode: 0 } => new KeyState.InProgress(),
                _ => new KeyState.Completed(existing.StatusCode, existing.ResponseBody),
            };
        }
    }

    // Only one of several calls finding the same abandoned reservation renews it.
    private static async Task<bool> TakeOverAsync(PurserDbContext db, IdempotencyRecord abandoned, DateTime now, CancellationToken ct) =>
        await db.IdempotencyRecords
            .Where(r => r.Operation == abandoned.Operation && r.Key == abandoned.Key && r.StatusCode == 0 && r.CreatedAt == abandoned.CreatedAt)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, now), ct) == 1;

    public async Task CompleteAsync(string operation, string key, int statusCode, string body, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        await db.IdempotencyRecords.Where(r => r.Operation == operation && r.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.StatusCode, statusCode).SetProperty(r => r.ResponseBody, body), ct);
    }

    /// <summary>Frees a key whose call changed nothing (refused or failed), so a corrected call may use it.</summary>
    public async Task ReleaseAsync(string operation, string key, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        await db.IdempotencyRecords.Where(r => r.Operation == operation && r.Key == key && r.StatusCode == 0).ExecuteDeleteAsync(ct);
    }
}
