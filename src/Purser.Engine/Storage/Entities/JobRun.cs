using Purser.Engine.Jobs;

namespace Purser.Engine.Storage.Entities;

/// <summary>
/// A claim on one run of a scheduled job; the unique (JobName, RunKey) makes each run happen
/// once across server processes, and the lease lets another process take over a dead one.
/// </summary>
internal sealed class JobRun
{
    public long Id { get; set; }
    public required string JobName { get; set; }
    public required string RunKey { get; set; }
    public JobRunStatus Status { get; set; } = JobRunStatus.Running;
    public string? ClaimedBy { get; set; }
    public DateTime LeaseUntil { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public int Progress { get; set; }
    public string? Error { get; set; }
}
