using Purser.Engine.Consumption;
using Purser.Server.Hosting;

namespace Purser.Server.Operator;

/// <summary>Operator API: a Consumption budget's stop action, kept beside the ARM budget so the ARM shape stays Azure's.</summary>
public static class BudgetsApi
{
    public static RouteGroupBuilder MapBudgetsApi(this RouteGroupBuilder ops)
    {
        ops.MapPut("/budgets/stopAction", async (NewBudgetStopAction body, BudgetStopActions actions, CancellationToken ct) =>
            (await actions.SetAsync(body, ct)).Ok()).WithTags(OperatorTags.Budgets);
        return ops;
    }
}
