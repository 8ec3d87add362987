using Purser.Engine.Jobs;
using Purser.Engine.Notifications;

namespace Purser.Server.Jobs;

/// <summary>R-WEEKLY each minute: writes the Monday reminders that are due to the outbox (each once, by its unique key).</summary>
internal sealed class WeeklyReminderJob(WeeklyReminders reminders, JobClaims claims, TimeProvider clock, ILogger<WeeklyReminderJob> log)
    : MinuteJob(claims, clock, log)
{
    public const string JobName = "weekly-reminders";

    protected override string Name => JobName;

    protected override async Task<string?> RunOnceAsync(CancellationToken ct)
    {
        var (written, failed) = await reminders.WriteDueAsync(ct);
        return Written("weekly reminders", written, failed);
    }
}
