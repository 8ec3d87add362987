using Microsoft.EntityFrameworkCore;
using Purser.Engine.Storage;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Jobs;

/// <summary>
/// One run of a scheduled job across every server process: the first process to insert the
/// (job, run key) row owns the run; the others find it taken and skip it (SPEC §6, T-MULTI).
/// </summary>
public sealed class JobClaims(PurserStore store, TimeProvider clock)
{
    public async Task<long?> TryClaimAsync(string jobName, string runKey, string owner, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = store.CreateContext();
        var run = new JobRun { JobName = jobName, RunKey = runKey, ClaimedBy = owner, StartedAt = now, LeaseUntil = now.AddMinutes(10) };
        db.JobRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(ct);
            return run.Id;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return null;
        }
    }

    /// <summary>
    /// Gives up a run that was stopped before it finished (the process is shutting down): its claim goes, so another
    /// process may claim the same run. The job's work is idempotent, so whatever it did is not done twice.
    /// </summary>
    public async Task ReleaseAsync(long runId, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        await db.JobRuns.Where(r => r.Id == runId && r.Status == JobRunStatus.Running).ExecuteDeleteAsync(ct);
    }

    public async Task FinishAsync(long runId, string? error, int progress, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = store.CreateContext();
        await db.JobRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, error is null ? JobRunStatus.Succeeded : JobRunStatus.Failed)
            .SetProperty(r => r.Error, error)
            .SetProperty(r => r.Progress, progress)
            .SetProperty(r => r.FinishedAt, now), ct);
    }
}
