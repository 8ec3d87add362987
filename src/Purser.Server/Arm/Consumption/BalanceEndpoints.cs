using Purser.Core;
using Purser.Engine.Consumption;
using Purser.Server.Hosting;

namespace Purser.Server.Arm.Consumption;

/// <summary>Balances of a billing account: the current local month's, or a named billing period's (<c>201910</c>).</summary>
public static class BalanceEndpoints
{
    private const string Account = "/providers/Microsoft.Billing/billingAccounts/{account}";
    private const string Balances = "/providers/Microsoft.Consumption/balances";

    public static void MapBalances(this RouteGroupBuilder consumption)
    {
        consumption.MapGet(Account + Balances, (HttpContext http, BalanceQueries balances) => BalanceAsync(http, null, balances))
            .RequiresScope(Permission.Read);

        consumption.MapGet(Account + "/billingPeriods/{period}" + Balances, (HttpContext http, string period, BalanceQueries balances) =>
            BillingMonth.TryParse(period, out var month)
                ? BalanceAsync(http, month, balances)
                : Task.FromResult<IResult>(ArmError.Result(RefusalCode.InvalidBillingPeriod, $"'{period}' is not a billing period name (yyyyMM, e.g. 201910).", "billingPeriodName")))
            .RequiresScope(Permission.Read);
    }

    private static async Task<IResult> BalanceAsync(HttpContext http, BillingMonth? month, BalanceQueries balances)
    {
        var scope = http.Scope();
        var balance = await balances.OfAccountAsync(scope.AccountId, month, http.RequestAborted);
        return Results.Json(CostShapes.Balance(scope.AccountName, balance));
    }
}
