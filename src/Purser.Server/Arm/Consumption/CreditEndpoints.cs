using Microsoft.AspNetCore.Http.HttpResults;
using Purser.Core;
using Purser.Engine.Consumption;
using Purser.Engine.Credits;

namespace Purser.Server.Arm.Consumption;

/// <summary>credits/balanceSummary, lots and events of a billing profile or account (R-BAL, R-LOTS, R-EVENTS).</summary>
public static class CreditEndpoints
{
    private const string Profile = "/providers/Microsoft.Billing/billingAccounts/{account}/billingProfiles/{profile}/providers/Microsoft.Consumption";
    private const string Account = "/providers/Microsoft.Billing/billingAccounts/{account}/providers/Microsoft.Consumption";

    public static void MapCredits(this RouteGroupBuilder consumption)
    {
        consumption.MapGet(Profile + "/credits/balanceSummary", async (HttpContext http, CreditQueries credits) =>
        {
            var scope = http.Scope();
            var view = await credits.BalanceAsync(scope.ProfileId!.Value, http.RequestAborted);
            return Results.Json(ConsumptionShapes.BalanceSummary(scope.AccountName, view!));
        }).RequiresScope(Permission.Read);

        consumption.MapGet(Profile + "/lots", (HttpContext http, CreditQueries credits) =>
        {
            var scope = http.Scope();
            return LotsPage(http, scope.AccountName, [scope.ProfileId!.Value], credits);
        }).RequiresScope(Permission.Read);

        consumption.MapGet(Account + "/lots", async (HttpContext http, CreditQueries credits) =>
        {
            var scope = http.Scope();
            return await LotsPage(http, scope.AccountName, await credits.ProfilesOfAccountAsync(scope.AccountId, http.RequestAborted), credits);
        }).RequiresScope(Permission.Read);

        consumption.MapGet(Profile + "/events", async (HttpContext http, CreditQueries credits) =>
        {
            if (RequiredDate(http, "startDate", out var from) is { } badStart)
                return badStart;
            if (RequiredDate(http, "endDate", out var to) is { } badEnd)
                return badEnd;
            if (to.AsWritten < from.AsWritten)
                return Hosting.ArmError.Result(RefusalCode.InvalidDateRange, "'endDate' must not be before 'startDate'.", "endDate");
            var scope = http.Scope();
            return await EventsPage(http, scope.AccountName, [scope.ProfileId!.Value], from, to, credits);
        }).RequiresScope(Permission.Read);

        consumption.MapGet(Account + "/events", async (HttpContext http, CreditQueries credits) =>
        {
            var filter = EventDateFilter.Parse(http.Request.Query["$filter"]);
            if (!filter.IsValid)
                return Hosting.ArmError.Result(RefusalCode.InvalidFilter, filter.Error!, "$filter");
            var scope = http.Scope();
            var profiles = await credits.ProfilesOfAccountAsync(scope.AccountId, http.RequestAborted);
            return await EventsPage(http, scope.AccountName, profiles, filter.From, filter.To, credits);
        }).RequiresScope(Permission.Read);
    }

    private static async Task<IResult> LotsPage(HttpContext http, string account, IReadOnlyList<Guid> profiles, CreditQueries credits)
    {
        var lots = await credits.LotsAsync(profiles, http.RequestAborted);
        var size = ArmPage.Size(http.Request);
        var page = lots.Skip(ArmPage.Offset(http.Request)).Take(size + 1).Select(l => ConsumptionShapes.Lot(account, l)).ToList();
        return ArmPage.Of(http.Request, page, size);
    }

    private static async Task<IResult> EventsPage(HttpContext http, string account, IReadOnlyList<Guid> profiles,
        RequestedDay? from, RequestedDay? to, CreditQueries credits)
    {
        var events = await credits.EventsAsync(profiles, from, to, http.RequestAborted);
        var size = ArmPage.Size(http.Request);
        var page = events.Skip(ArmPage.Offset(http.Request)).Take(size + 1).Select(e => ConsumptionShapes.Event(account, e)).ToList();
        return ArmPage.Of(http.Request, page, size);
    }

    // Each end names a whole local day of the profile; an instant names the day it falls on there.
    private static JsonHttpResult<Hosting.ArmErrorBody>? RequiredDate(HttpContext http, string name, out RequestedDay value)
    {
        var raw = http.Request.Query[name].ToString();
        if (raw.Length == 0)
        {
            value = default;
            return Hosting.ArmError.Result(RefusalCode.MissingParameter, $"The query parameter '{name}' is required.", name);
        }
        if (!RequestedDay.TryParse(raw, out value))
            return Hosting.ArmError.Result(RefusalCode.InvalidParameter, $"The query parameter '{name}' is not a date: '{raw}'.", name);
        return null;
    }
}
