using System.Globalization;
using Purser.Engine.Billing;
using Purser.Engine.Jobs;

namespace Purser.Server.Jobs;

/// <summary>
/// The scheduled month close: each minute, every billing profile whose period is over on its own
/// calendar (its invoice day, local midnight in its time zone) and not yet invoiced is closed. The
/// close itself is once per (profile, period) under the profile's lock, so even two runs racing
/// would issue one invoice.
/// </summary>
internal sealed class BillingScheduler(BillingRun run, JobClaims claims, TimeProvider clock, ILogger<BillingScheduler> log)
    : MinuteJob(claims, clock, log)
{
    public const string JobName = "billing-run";

    protected override string Name => JobName;

    protected override async Task<string?> RunOnceAsync(CancellationToken ct)
    {
        var summary = await run.RunDueAsync(null, null, progress: null, ct);
        if (summary.Invoices.Count == 0 && summary.Failed.Count == 0)
            return null;
        var failed = string.Join("; ", summary.Failed.Select(f => $"{f.BillingProfileId}: {f.Code}: {f.Message}"));
        return string.Create(CultureInfo.InvariantCulture, $"{summary.Invoices.Count} invoices issued, {summary.Failed.Count} profiles not closed{(failed.Length > 0 ? ": " + failed : "")}");
    }
}
