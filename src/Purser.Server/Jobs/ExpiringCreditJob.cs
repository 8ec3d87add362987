using Purser.Engine.Jobs;
using Purser.Engine.Notifications;

namespace Purser.Server.Jobs;

/// <summary>R-ALERT each minute: writes the expiring-credit notices that are due to the outbox (each once, by its unique key).</summary>
internal sealed class ExpiringCreditJob(ExpiringCreditNotices notices, JobClaims claims, TimeProvider clock, ILogger<ExpiringCreditJob> log)
    : MinuteJob(claims, clock, log)
{
    public const string JobName = "expiring-credit";

    protected override string Name => JobName;

    protected override async Task<string?> RunOnceAsync(CancellationToken ct)
    {
        var (written, failed) = await notices.WriteDueAsync(ct);
        return Written("expiring-credit notices", written, failed);
    }
}
