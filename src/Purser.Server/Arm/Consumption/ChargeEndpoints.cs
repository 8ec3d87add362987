using System.Globalization;
using Purser.Engine.Access;
using Purser.Engine.Consumption;
using Purser.Server.Hosting;

namespace Purser.Server.Arm.Consumption;

/// <summary>
/// Charge summaries per billing profile at billing-account or billing-profile scope, over
/// <c>startDate</c>..<c>endDate</c> (inclusive; each defaults to the current month's bound).
/// <c>$filter</c> and <c>$apply</c> are refused rather than ignored.
/// </summary>
public static class ChargeEndpoints
{
    private const string Account = "/providers/Microsoft.Billing/billingAccounts/{account}";
    private const string Charges = "/providers/Microsoft.Consumption/charges";

    public static void MapCharges(this RouteGroupBuilder consumption)
    {
        consumption.MapGet(Account + Charges, async (HttpContext http, string account, ChargeSummaryQueries charges, TimeProvider clock) =>
        {
            var (scope, denied) = await ScopeAccess.AccountAsync(http, account, AccessRules.ReadBilling);
            if (denied is not null)
                return denied;
            if (Range(http, clock, out var from, out var to) is { } invalid)
                return invalid;
            var summaries = await charges.OfAccountAsync(scope!.AccountId, from, to, http.RequestAborted);
            return Results.Json(new { value = summaries.Select(s => CostShapes.ChargeSummary(scope.AccountName, s)) });
        });

        consumption.MapGet(Account + "/billingProfiles/{profile}" + Charges, async (HttpContext http, string account, string profile, ChargeSummaryQueries charges, TimeProvider clock) =>
        {
            var (scope, denied) = await ScopeAccess.ProfileAsync(http, account, profile, AccessRules.ReadBilling);
            if (denied is not null)
                return denied;
            if (Range(http, clock, out var from, out var to) is { } invalid)
                return invalid;
            var summary = await charges.OfProfileAsync(scope!.ProfileId!.Value, from, to, http.RequestAborted);
            return Results.Json(new { value = summary is null ? [] : new[] { CostShapes.ChargeSummary(scope.AccountName, summary) } });
        });
    }

    private static IResult? Range(HttpContext http, TimeProvider clock, out DateOnly from, out DateOnly to)
    {
        var month = BillingMonth.Of(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        (from, to) = (month.FirstDay, month.NextFirstDay.AddDays(-1));
        foreach (var unsupported in (string[])["$filter", "$apply"])
        {
            if (!string.IsNullOrEmpty(http.Request.Query[unsupported]))
                return ArmError.Result(400, "UnsupportedParameter", $"'{unsupported}' is not supported on charges; narrow them with startDate and endDate.", unsupported);
        }
        return Date(http, "startDate", ref from) ?? Date(http, "endDate", ref to)
            ?? (to < from ? ArmError.Result(400, "InvalidDateRange", "'endDate' must not be before 'startDate'.", "endDate") : null);
    }

    private static IResult? Date(HttpContext http, string name, ref DateOnly value)
    {
        var raw = http.Request.Query[name].ToString();
        if (raw.Length == 0)
            return null;
        if (!DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            return ArmError.Result(400, "InvalidParameter", $"The query parameter '{name}' is not a date: '{raw}'.", name);
        value = DateOnly.FromDateTime(parsed.UtcDateTime);
        return null;
    }
}
