using System.Globalization;
using Purser.Engine.Jobs;
using Purser.Engine.Lifecycle;

namespace Purser.Server.Jobs;

/// <summary>Each minute's lifecycle sweep: credit expiry and the lifecycle's timers (R-DISABLE, R-DELETE-90, R-TRIAL).</summary>
internal sealed class LifecycleSweepWorker(LifecycleSweep sweep, JobClaims claims, TimeProvider clock, ILogger<LifecycleSweepWorker> log)
    : MinuteJob(claims, clock, log)
{
    public const string JobName = "lifecycle-sweep";

    protected override string Name => JobName;

    protected override async Task<string?> RunOnceAsync(CancellationToken ct)
    {
        var result = await sweep.RunAsync(ct);
        var failed = string.Join("; ", result.Failed.Select(f => $"{f.BillingProfileId}: {f.Reason}"));
        return result.LotsExpired > 0 || result.SubscriptionsChanged > 0 || result.Failed.Count > 0
            ? string.Create(CultureInfo.InvariantCulture,
                $"{result.LotsExpired} credit lots expired, {result.SubscriptionsChanged} subscriptions changed state, {result.Failed.Count} profiles failed{(failed.Length > 0 ? ": " + failed : "")}")
            : null;
    }
}
