using Purser.Core;
using Purser.Engine.Access;
using Purser.Engine.Consumption;
using Purser.Server.Hosting;

namespace Purser.Server.Arm.Consumption;

/// <summary>
/// Budgets at subscription, billing-account and billing-profile scope: list, get, create or
/// replace (201 / 200), delete. Reading needs a billing reader role, writing a billing writer.
/// </summary>
public static class BudgetEndpoints
{
    private delegate Task<(ConsumptionScope? Scope, IResult? Denied)> ScopeLookup(HttpContext http, Func<Caller, BillingScope, AccessDecision> rule);

    private static readonly (string Prefix, ScopeLookup Lookup)[] Scopes =
    [
        ("/subscriptions/{subscription}", async (http, rule) =>
        {
            var subscription = Route(http, "subscription");
            var (billing, denied) = await ScopeAccess.SubscriptionAsync(http, subscription, rule);
            return (billing is null ? null : ConsumptionScope.OfSubscription(billing, Guid.Parse(subscription)), denied);
        }),
        ("/providers/Microsoft.Billing/billingAccounts/{account}", async (http, rule) =>
        {
            var (billing, denied) = await ScopeAccess.AccountAsync(http, Route(http, "account"), rule);
            return (billing is null ? null : ConsumptionScope.Of(billing), denied);
        }),
        ("/providers/Microsoft.Billing/billingAccounts/{account}/billingProfiles/{profile}", async (http, rule) =>
        {
            var (billing, denied) = await ScopeAccess.ProfileAsync(http, Route(http, "account"), Route(http, "profile"), rule);
            return (billing is null ? null : ConsumptionScope.Of(billing), denied);
        }),
    ];

    public static void MapBudgets(this RouteGroupBuilder consumption)
    {
        foreach (var (prefix, lookup) in Scopes)
            Map(consumption, prefix + "/providers/Microsoft.Consumption/budgets", lookup);
    }

    private static void Map(RouteGroupBuilder consumption, string budgets, ScopeLookup lookup)
    {
        consumption.MapGet(budgets, async (HttpContext http, BudgetQueries queries) =>
        {
            var (scope, denied) = await lookup(http, AccessRules.ReadBilling);
            if (denied is not null)
                return denied;
            var list = await queries.ListAsync(scope!, http.RequestAborted);
            var size = ArmPage.Size(http.Request);
            return ArmPage.Of(http.Request, list.Skip(ArmPage.Offset(http.Request)).Take(size + 1).Select(BudgetShapes.Budget).ToList(), size);
        });

        consumption.MapGet(budgets + "/{name}", async (HttpContext http, string name, BudgetQueries queries) =>
        {
            var (scope, denied) = await lookup(http, AccessRules.ReadBilling);
            if (denied is not null)
                return denied;
            return await queries.FindAsync(scope!, name, http.RequestAborted) is { } budget
                ? Results.Json(BudgetShapes.Budget(budget))
                : ArmError.NotFound($"Budget '{name}'");
        });

        consumption.MapPut(budgets + "/{name}", async (HttpContext http, string name, BudgetBody body, BudgetCommands commands) =>
        {
            var (scope, denied) = await lookup(http, AccessRules.WriteBilling);
            if (denied is not null)
                return denied;
            if (body.Properties is null)
                return ArmError.Result(RefusalCode.MissingField, "'properties' is required.", "properties");
            var written = await commands.PutAsync(scope!, name, body.ToInput(), http.RequestAborted);
            if (!written.IsAccepted)
                return ArmError.From(written.Refusal);
            return Results.Json(BudgetShapes.Budget(written.Value.Budget),
                statusCode: written.Value.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        });

        consumption.MapDelete(budgets + "/{name}", async (HttpContext http, string name, BudgetCommands commands) =>
        {
            var (scope, denied) = await lookup(http, AccessRules.WriteBilling);
            if (denied is not null)
                return denied;
            return await commands.DeleteAsync(scope!, name, http.RequestAborted) ? Results.Ok() : ArmError.NotFound($"Budget '{name}'");
        });
    }

    private static string Route(HttpContext http, string name) => http.GetRouteValue(name)?.ToString() ?? "";
}
