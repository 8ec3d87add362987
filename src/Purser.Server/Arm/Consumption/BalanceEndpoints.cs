using Purser.Core;
using Purser.Engine.Access;
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
        consumption.MapGet(Account + Balances, (HttpContext http, string account, BalanceQueries balances) =>
            BalanceAsync(http, account, null, balances));

        consumption.MapGet(Account + "/billingPeriods/{period}" + Balances, (HttpContext http, string account, string period, BalanceQueries balances) =>
            BillingMonth.TryParse(period, out var month)
                ? BalanceAsync(http, account, month, balances)
                : Task.FromResult(ArmError.Result(RefusalCode.InvalidBillingPeriod, $"'{period}' is not a billing period name (yyyyMM, e.g. 201910).", "billingPeriodName")));
    }

    private static async Task<IResult> BalanceAsync(HttpContext http, string account, BillingMonth? month, BalanceQueries balances)
    {
        var (scope, denied) = await ScopeAccess.AccountAsync(http, account, AccessRules.ReadBilling);
        if (denied is not null)
            return denied;
        var balance = await balances.OfAccountAsync(scope!.AccountId, month, http.RequestAborted);
        return Results.Json(CostShapes.Balance(scope.AccountName, balance));
    }
}
