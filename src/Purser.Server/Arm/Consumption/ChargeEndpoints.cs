using Microsoft.AspNetCore.Http.HttpResults;
using Purser.Core;
using Purser.Engine.Consumption;
using Purser.Server.Hosting;

namespace Purser.Server.Arm.Consumption;

/// <summary>
/// Charge summaries per billing profile at billing-account or billing-profile scope, over
/// <c>startDate</c>..<c>endDate</c>: inclusive local days of each profile, each defaulting to the
/// current local month's bound.
/// <c>$filter</c> and <c>$apply</c> are refused rather than ignored.
/// </summary>
public static class ChargeEndpoints
{
    private const string Account = "/providers/Microsoft.Billing/billingAccounts/{account}";
    private const string Charges = "/providers/Microsoft.Consumption/charges";

    public static void MapCharges(this RouteGroupBuilder consumption)
    {
        consumption.MapGet(Account + Charges, async (HttpContext http, ChargeSummaryQueries charges) =>
        {
            if (Range(http, out var from, out var to) is { } invalid)
                return invalid;
            var scope = http.Scope();
            return List(scope.AccountName, await charges.OfAccountAsync(scope.AccountId, from, to, http.RequestAborted));
        }).RequiresScope(Permission.Read);

        consumption.MapGet(Account + "/billingProfiles/{profile}" + Charges, async (HttpContext http, ChargeSummaryQueries charges) =>
        {
            if (Range(http, out var from, out var to) is { } invalid)
                return invalid;
            var scope = http.Scope();
            return List(scope.AccountName, await charges.OfProfileAsync(scope.ProfileId!.Value, from, to, http.RequestAborted));
        }).RequiresScope(Permission.Read);
    }

    private static IResult List(string account, Outcome<IReadOnlyList<ChargeSummaryView>> summaries) =>
        summaries.IsAccepted
            ? Results.Json(new { value = summaries.Value.Select(s => CostShapes.ChargeSummary(account, s)) })
            : ArmError.From(summaries.Refusal);

    // A bound left out stays null: it is the current month's on each profile's own clock.
    private static JsonHttpResult<ArmErrorBody>? Range(HttpContext http, out RequestedDay? from, out RequestedDay? to)
    {
        (from, to) = (null, null);
        foreach (var unsupported in (string[])["$filter", "$apply"])
        {
            if (!string.IsNullOrEmpty(http.Request.Query[unsupported]))
                return ArmError.Result(RefusalCode.UnsupportedParameter, $"'{unsupported}' is not supported on charges; narrow them with startDate and endDate.", unsupported);
        }
        return Date(http, "startDate", out from) ?? Date(http, "endDate", out to);
    }

    private static JsonHttpResult<ArmErrorBody>? Date(HttpContext http, string name, out RequestedDay? value)
    {
        value = null;
        var raw = http.Request.Query[name].ToString();
        if (raw.Length == 0)
            return null;
        if (!RequestedDay.TryParse(raw, out var day))
            return ArmError.Result(RefusalCode.InvalidParameter, $"The query parameter '{name}' is not a date: '{raw}'.", name);
        value = day;
        return null;
    }
}
