using Purser.Engine.Consumption;
using Purser.Engine.Jobs;

namespace Purser.Server.Jobs;

/// <summary>Each minute: restores the budgets stopped in a grain that has rolled over, with their notice, though their scope uses nothing.</summary>
internal sealed class BudgetRolloverJob(BudgetRollovers rollovers, JobClaims claims, TimeProvider clock, ILogger<BudgetRolloverJob> log)
    : MinuteJob(claims, clock, log)
{
    public const string JobName = "budget-rollovers";

    protected override string Name => JobName;

    protected override async Task<string?> RunOnceAsync(CancellationToken ct)
    {
        var steps = await rollovers.ReviewDueAsync(ct);
        return steps == 0 ? null : $"{steps} budget(s) past their stopped period reviewed";
    }
}
