using System.Net;
using System.Text.Json;
using Purser.Engine;
using Purser.Testing;

namespace Purser.Server.Tests.Operator;

/// <summary>
/// What Core's ledger already decides, wired as operator calls: refunding a charge, adjusting one lot and voiding
/// what is left of one lot. Each is a journal entry that the operator's and the ARM events list show, and the
/// balance summary and lots follow it.
/// </summary>
public class CreditMovementsTests
{
    private const string Version = "api-version=2021-10-01";
    private static readonly DateTimeOffset Now = new(2019, 9, 1, 4, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Refunds_adjustments_and_a_void_move_credit_as_the_ledger_decides_and_show_in_every_view(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, Now);
        using var op = api.Operator();
        var w = await WorldAsync(api, op);
        var shortLot = await GrantAsync(op, w.ProfileId, 100m, Now.AddMonths(6));
        var longLot = await GrantAsync(op, w.ProfileId, 200m, Now.AddMonths(12));
        var charge = await ChargeAsync(op, w.ProfileId, 150m, eligible: true);
        var marketplace = await ChargeAsync(op, w.ProfileId, 30m, eligible: false);

        // Back to the longest-lived lot first (the reverse of R-DRAW), no more than each gave: the long lot gave 50.
        var partial = await CreatedAsync(op, $"/ops/charges/{charge}/refunds", new { amount = 40m, reason = "Outage credit" });
        Assert.Equal(40m, partial.GetProperty("returnedToCredit").GetDecimal());
        Assert.Equal(0m, partial.GetProperty("returnedToPaymentMethod").GetDecimal());
        Assert.Equal(110m, partial.GetProperty("refundableLeft").GetDecimal());
        Assert.Equal("Outage credit", partial.GetProperty("reason").GetString());
        // No amount means the whole charge, which is more than is left to refund.
        await RefusedAsync(op, $"/ops/charges/{charge}/refunds", new { reason = "again" }, HttpStatusCode.BadRequest, "RefundExceedsCharge", "amount");
        await RefusedAsync(op, $"/ops/charges/{charge}/refunds", new { amount = 110.01m }, HttpStatusCode.BadRequest, "RefundExceedsCharge", "amount");
        var rest = await CreatedAsync(op, $"/ops/charges/{charge}/refunds", new { amount = 110m });
        Assert.Equal(110m, rest.GetProperty("returnedToCredit").GetDecimal());
        Assert.Equal(0m, rest.GetProperty("refundableLeft").GetDecimal());
        // Credit never paid an ineligible charge (R-CE): all of it goes back through the payment method.
        var paidBack = await CreatedAsync(op, $"/ops/charges/{marketplace}/refunds", new { });
        Assert.Equal(30m, paidBack.GetProperty("amount").GetDecimal());
        Assert.Equal(30m, paidBack.GetProperty("returnedToPaymentMethod").GetDecimal());
        Assert.Equal(0m, paidBack.GetProperty("returnedToCredit").GetDecimal());

        var adjusted = await CreatedAsync(op, $"/ops/creditLots/{longLot}/adjustments", new { amount = -50m, reason = "Granted twice" });
        Assert.Equal(150m, adjusted.GetProperty("currentBalance").GetDecimal());
        await RefusedAsync(op, $"/ops/creditLots/{shortLot}/adjustments", new { amount = -100.01m, reason = "Too much" }, HttpStatusCode.BadRequest, "InsufficientCredit", "amount");
        await RefusedAsync(op, $"/ops/creditLots/{shortLot}/adjustments", new { amount = 0m, reason = "Nothing" }, HttpStatusCode.BadRequest, "InvalidField", "amount");

        var voided = await CreatedAsync(op, $"/ops/creditLots/{shortLot}/void", new { reason = "Promotion withdrawn" });
        Assert.Equal(0m, voided.GetProperty("currentBalance").GetDecimal());
        Assert.Equal("Voided", voided.GetProperty("status").GetString());
        await RefusedAsync(op, $"/ops/creditLots/{shortLot}/void", new { }, HttpStatusCode.BadRequest, "LotVoided", "lotId");
        await RefusedAsync(op, $"/ops/creditLots/{shortLot}/adjustments", new { amount = 5m, reason = "Revive" }, HttpStatusCode.BadRequest, "LotVoided", "lotId");
        await RefusedAsync(op, $"/ops/creditLots/{Guid.NewGuid()}/void", new { }, HttpStatusCode.NotFound, "NotFound", "lotId");
        await RefusedAsync(op, $"/ops/charges/{Guid.NewGuid()}/refunds", new { }, HttpStatusCode.NotFound, "NotFound", "chargeId");

        // A voided lot draws nothing more: the next charge is paid by the long lot alone.
        var after = await PurserApi.CreatedAsync(op, "/ops/charges", new { billingProfileId = w.ProfileId, amount = 20m, description = "After the void" });
        Assert.Equal(20m, after.GetProperty("coveredByCredit").GetDecimal());

        var consumption = $"{w.ProfilePath}/providers/Microsoft.Consumption";
        var summary = (await GetAsync(op, $"{consumption}/credits/balanceSummary?{Version}")).GetProperty("properties");
        Assert.Equal(300m, Value(summary.GetProperty("balanceSummary"), "currentBalance"));
        Assert.Equal(-170m, Value(summary, "pendingEligibleCharges"));
        // Refunds +150, the adjustment −50, the void −100.
        Assert.Equal(0m, Value(summary, "pendingCreditAdjustments"));
        Assert.Equal(130m, Value(summary.GetProperty("balanceSummary"), "estimatedBalance"));

        var lots = (await GetAsync(op, $"{consumption}/lots?{Version}")).GetProperty("value").EnumerateArray()
            .ToDictionary(l => l.GetProperty("name").GetString()!, l => l.GetProperty("properties"));
        Assert.Equal("Canceled", lots[shortLot.ToString()].GetProperty("status").GetString());
        Assert.Equal("Active", lots[longLot.ToString()].GetProperty("status").GetString());

        var armEvents = (await GetAsync(op, $"{consumption}/events?{Version}&startDate=2019-09-01&endDate=2019-09-01")).GetProperty("value").EnumerateArray()
            .Select(e => e.GetProperty("properties")).ToList();
        var armVoid = Assert.Single(armEvents, e => e.GetProperty("description").GetString() == "Promotion withdrawn");
        Assert.Equal("PendingAdjustments", armVoid.GetProperty("eventType").GetString());
        Assert.Equal(-100m, Value(armVoid, "adjustments"));
        Assert.Equal(-100m, Value(armVoid, "canceledCredit"));
        Assert.Equal(130m, Value(armEvents[0], "closedBalance"));

        var events = (await GetAsync(op, $"/ops/billingProfiles/{w.ProfileId}/creditEvents")).GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(["Refund", "Refund", "Refund"], events.Where(e => e.GetProperty("kind").GetString() == "Refund").Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal([40m, 10m, 100m], events.Where(e => e.GetProperty("kind").GetString() == "Refund").Select(e => e.GetProperty("amount").GetDecimal()).Reverse());
        var voidEvent = Assert.Single(events, e => e.GetProperty("kind").GetString() == "Void");
        Assert.Equal("PendingAdjustments", voidEvent.GetProperty("eventType").GetString());
        Assert.Equal(-100m, voidEvent.GetProperty("amount").GetDecimal());
        Assert.Equal(shortLot, voidEvent.GetProperty("lotId").GetGuid());
        var adjustment = Assert.Single(events, e => e.GetProperty("kind").GetString() == "Adjustment");
        Assert.Equal("Granted twice", adjustment.GetProperty("description").GetString());
        Assert.Equal(130m, events[0].GetProperty("closedBalance").GetDecimal());
        using var unknown = await op.GetAsync($"/ops/billingProfiles/{Guid.NewGuid()}/creditEvents");
        Assert.Equal("NotFound", (await AccountsApiTests.ReadAsync(unknown, HttpStatusCode.NotFound)).GetProperty("error").GetProperty("code").GetString());
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_void_settles_on_the_next_invoice_and_the_lot_stays_voided(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, Now);
        using var op = api.Operator();
        var w = await WorldAsync(api, op);
        var lot = await GrantAsync(op, w.ProfileId, 100m, Now.AddMonths(6));
        await ChargeAsync(op, w.ProfileId, 25m, eligible: true);
        await CreatedAsync(op, $"/ops/creditLots/{lot}/void", new { reason = "Withdrawn" });

        api.AdvanceClockTo(new DateTimeOffset(2019, 10, 2, 0, 0, 0, TimeSpan.Zero));
        var invoice = await PurserApi.CreatedAsync(op, "/ops/billingRuns", new { billingProfileId = w.ProfileId, period = "2019-09" });
        Assert.Equal(25m, invoice.GetProperty("creditApplied").GetDecimal());

        var consumption = $"{w.ProfilePath}/providers/Microsoft.Consumption";
        var summary = (await GetAsync(op, $"{consumption}/credits/balanceSummary?{Version}")).GetProperty("properties");
        Assert.Equal(0m, Value(summary.GetProperty("balanceSummary"), "currentBalance"));
        Assert.Equal(0m, Value(summary, "pendingCreditAdjustments"));
        var events = (await GetAsync(op, $"/ops/billingProfiles/{w.ProfileId}/creditEvents")).GetProperty("value").EnumerateArray().ToList();
        var settled = Assert.Single(events, e => e.GetProperty("kind").GetString() == "Void");
        Assert.Equal("SettledAdjustments", settled.GetProperty("eventType").GetString());
        Assert.Equal(invoice.GetProperty("invoiceNumber").GetString(), settled.GetProperty("invoiceNumber").GetString());
        var lots = (await GetAsync(op, $"{consumption}/lots?{Version}")).GetProperty("value").EnumerateArray().ToList();
        Assert.Equal("Canceled", Assert.Single(lots).GetProperty("properties").GetProperty("status").GetString());
    }

    private sealed record World(Guid ProfileId, string ProfilePath);

    private static async Task<World> WorldAsync(PurserApi api, HttpClient op)
    {
        var account = (await PurserApi.CreatedAsync(op, "/ops/billingAccounts", new
        {
            displayName = "上海云启科技", agreementType = "MicrosoftCustomerAgreement", accountType = "Enterprise", soldTo = new { addressLine1 = "世纪大道 100 号", country = "CN" },
        })).GetProperty("id").GetGuid();
        var profile = (await PurserApi.CreatedAsync(op, "/ops/billingProfiles", new { billingAccountId = account, displayName = "生产", currency = "CNY", timeZone = "Asia/Shanghai" }))
            .GetProperty("id").GetGuid();
        await using var db = api.Database.Store.CreateContext();
        var accountName = db.BillingAccounts.Single(a => a.Id == account).Name;
        var profileName = db.BillingProfiles.Single(p => p.Id == profile).Name;
        return new World(profile, $"/providers/Microsoft.Billing/billingAccounts/{Uri.EscapeDataString(accountName)}/billingProfiles/{profileName}");
    }

    private static async Task<Guid> GrantAsync(HttpClient op, Guid profileId, decimal amount, DateTimeOffset expires) =>
        (await PurserApi.CreatedAsync(op, "/ops/credits", new { billingProfileId = profileId, amount, startDate = Now, expirationDate = expires })).GetProperty("id").GetGuid();

    private static async Task<Guid> ChargeAsync(HttpClient op, Guid profileId, decimal amount, bool eligible) =>
        (await PurserApi.CreatedAsync(op, "/ops/charges", new { billingProfileId = profileId, amount, description = $"Charge of {amount}", creditEligible = eligible }))
            .GetProperty("id").GetGuid();

    private static Task<JsonElement> CreatedAsync(HttpClient op, string path, object body) => PurserApi.CreatedAsync(op, path, body);

    private static async Task RefusedAsync(HttpClient op, string path, object body, HttpStatusCode status, string code, string target)
    {
        using var response = await PurserApi.PostAsync(op, path, body);
        var error = (await AccountsApiTests.ReadAsync(response, status)).GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal(target, error.GetProperty("target").GetString());
    }

    private static async Task<JsonElement> GetAsync(HttpClient http, string path) => await AccountsApiTests.ReadAsync(await http.GetAsync(path), HttpStatusCode.OK);

    private static decimal Value(JsonElement properties, string amount) => properties.GetProperty(amount).GetProperty("value").GetDecimal();
}
