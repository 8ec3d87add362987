using Purser.Core;
using Purser.Engine.Consumption;
using Purser.Server.Hosting;

namespace Purser.Server.Arm.Consumption;

/// <summary>
/// Budgets at subscription, billing-account and billing-profile scope: list, get, create or
/// replace (201 / 200), delete. Reading needs a billing reader role, writing a billing writer.
/// </summary>
public static class BudgetEndpoints
{
    private static readonly string[] Scopes =
    [
        "/subscriptions/{subscription}",
        "/providers/Microsoft.Billing/billingAccounts/{account}",
        "/providers/Microsoft.Billing/billingAccounts/{account}/billingProfiles/{profile}",
    ];

    public static void MapBudgets(this RouteGroupBuilder consumption)
    {
        foreach (var scope in Scopes)
            Map(consumption, scope + "/providers/Microsoft.Consumption/budgets");
    }

    private static void Map(RouteGroupBuilder consumption, string budgets)
    {
        consumption.MapGet(budgets, async (HttpContext http, BudgetQueries queries) =>
        {
            var list = await queries.ListAsync(http.ConsumptionScope(), http.RequestAborted);
            var size = ArmPage.Size(http.Request);
            return ArmPage.Of(http.Request, list.Skip(ArmPage.Offset(http.Request)).Take(size + 1).Select(BudgetShapes.Budget).ToList(), size);
        }).RequiresScope(Permission.Read);

        consumption.MapGet(budgets + "/{name}", async (HttpContext http, string name, BudgetQueries queries) =>
            await queries.FindAsync(http.ConsumptionScope(), name, http.RequestAborted) is { } budget
                ? Results.Json(BudgetShapes.Budget(budget))
                : ArmError.NotFound($"Budget '{name}'"))
            .RequiresScope(Permission.Read);

        consumption.MapPut(budgets + "/{name}", async (HttpContext http, string name, BudgetBody body, BudgetCommands commands) =>
        {
            if (body.Properties is null)
                return ArmError.Result(RefusalCode.MissingField, "'properties' is required.", "properties");
            var written = await commands.PutAsync(http.ConsumptionScope(), name, body.ToInput(), http.RequestAborted);
            if (!written.IsAccepted)
                return ArmError.From(written.Refusal);
            return Results.Json(BudgetShapes.Budget(written.Value.Budget),
                statusCode: written.Value.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        }).RequiresScope(Permission.Write);

        consumption.MapDelete(budgets + "/{name}", async (HttpContext http, string name, BudgetCommands commands) =>
            await commands.DeleteAsync(http.ConsumptionScope(), name, http.RequestAborted) ? Results.Ok() : ArmError.NotFound($"Budget '{name}'"))
            .RequiresScope(Permission.Write);
    }
}
