using Purser.Engine.Jobs;
using Purser.Engine.Notifications;

namespace Purser.Server.Jobs;

/// <summary>Each minute: writes the trial-ending and data-deletion reminders that are due to the outbox (each once, by its unique key).</summary>
internal sealed class StopReminderJob(StopReminders reminders, JobClaims claims, TimeProvider clock, ILogger<StopReminderJob> log)
    : MinuteJob(claims, clock, log)
{
    public const string JobName = "stop-reminders";

    protected override string Name => JobName;

    protected override async Task<string?> RunOnceAsync(CancellationToken ct)
    {
        var (written, failed) = await reminders.WriteDueAsync(ct);
        return Written("trial-ending and data-deletion reminders", written, failed);
    }
}
