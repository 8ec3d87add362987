using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Purser.Testing;

namespace Purser.Server.Tests.Reliability;

/// <summary>
/// What the operator endpoints refer to, made through the API: an account with a CNY profile, a customer
/// user, a meter, a partner and a pay-as-you-go subscription with a budget. The clock stands at 2019-09-01 12:00 UTC.
/// The meter has no price, so the rating worker has nothing to write between two snapshots of a test.
/// </summary>
/// <param name="PrepaidSubscriptionId">A StandardPrepaid subscription in its own profile, for payments.</param>
/// <param name="PricedMeterId">A meter that takes price versions and never has usage, so rating writes nothing between snapshots.</param>
/// <param name="PayableInvoiceId">August's invoice of a profile of its own, 1,000,000.00 due, for invoice payments.</param>
/// <param name="Credit">A profile of its own with a lot to adjust, a charge to refund and lots to void.</param>
internal sealed record SeededWorld(Guid AccountId, Guid ProfileId, Guid UserId, Guid MeterId, string PartnerId, Guid SubscriptionId, DateTimeOffset Now,
    Guid PrepaidSubscriptionId, Guid PricedMeterId, Guid LicenseMeterId, Guid LicenseSubscriptionId, Guid PayableInvoiceId, CreditTargets Credit)
{
    public static readonly DateTimeOffset Start = new(2019, 9, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Lots each voiding call may take one of: a lot can be voided once, and each path asked for is a call.</summary>
    private const int VoidableLots = 48;

    private int voided = -1;

    /// <summary>A lot no call has voided yet, for a path that voids one.</summary>
    public Guid NextVoidableLot() => Credit.VoidableLotIds[Interlocked.Increment(ref voided) % VoidableLots];

    public static async Task<SeededWorld> CreateAsync(PurserApi api)
    {
        using var op = api.Operator();
        var accountId = await CreatedAsync(op, "/ops/billingAccounts", new
        {
            displayName = "上海云启科技", agreementType = "MicrosoftOnlineServicesProgram", accountType = "Individual",
            soldTo = new { addressLine1 = "世纪大道 100 号", country = "CN" },
        });
        var profileId = await CreatedAsync(op, "/ops/billingProfiles", new { billingAccountId = accountId, displayName = "生产", currency = "CNY", timeZone = "Asia/Shanghai" });
        var meterId = await CreatedAsync(op, "/ops/meters", new { name = "虚拟机 D2 v3", category = "Virtual Machines", unit = "1 Hour" });
        var subscriptionId = await CreatedAsync(op, "/ops/subscriptions", new { billingProfileId = profileId, displayName = "生产环境", offerType = "PayAsYouGo" });
        var userId = await CreatedAsync(op, "/ops/users", new { billingAccountId = accountId, email = "world@contoso.test" });
        await CreatedAsync(op, "/ops/partners", new { id = "PARTNER-1", companyName = "Partner One", billingDay = 5 });
        var prepaidProfileId = await CreatedAsync(op, "/ops/billingProfiles", new { billingAccountId = accountId, displayName = "预付费", currency = "CNY", timeZone = "Asia/Shanghai" });
        var prepaidId = await CreatedAsync(op, "/ops/subscriptions", new { billingProfileId = prepaidProfileId, displayName = "标准预付费", offerType = "StandardPrepaid" });
        var pricedMeterId = await CreatedAsync(op, "/ops/meters", new { name = "块 Blob 存储", category = "Storage", unit = "1 GB/Month" });
        var licenseMeterId = await CreatedAsync(op, "/ops/meters", new { name = "Office 365 E3", category = "Licenses", unit = "1 seat/month" });
        await CreatedAsync(op, $"/ops/meters/{licenseMeterId}/prices", new { currency = "CNY", unitPrice = 80m });
        var licenseId = await CreatedAsync(op, "/ops/subscriptions", new
        {
            billingProfileId = profileId, displayName = "Office 365", offerType = "LicenseBased", partnerId = "PARTNER-1", licenseMeterId, seats = 10, startDate = "2019-08-15",
        });
        var budget = await op.PutAsJsonAsync($"{BudgetOf(subscriptionId)}?api-version=2021-10-01", new
        {
            properties = new { category = "Cost", amount = 100m, timeGrain = "Monthly", timePeriod = new { startDate = "2019-09-01" } },
        });
        budget.EnsureSuccessStatusCode();
        var payableProfileId = await CreatedAsync(op, "/ops/billingProfiles", new { billingAccountId = accountId, displayName = "应付", currency = "CNY", timeZone = "Asia/Shanghai" });
        await CreatedAsync(op, "/ops/charges", new { billingProfileId = payableProfileId, amount = 1_000_000m, description = "专线", chargedAt = "2019-08-15T04:00:00Z" });
        var payableInvoiceId = await CreatedAsync(op, "/ops/billingRuns", new { billingProfileId = payableProfileId, periodStart = "2019-08-01", periodEnd = "2019-08-31" });
        return new SeededWorld(accountId, profileId, userId, meterId, "PARTNER-1", subscriptionId, api.Clock.GetUtcNow(), prepaidId, pricedMeterId,
            licenseMeterId, licenseId, payableInvoiceId, await CreditTargets.CreateAsync(op, accountId, VoidableLots));
    }

    /// <summary>The ARM id of the world's subscription budget, whose stop action the operator switches.</summary>
    public static string BudgetOf(Guid subscriptionId) => $"/subscriptions/{subscriptionId}/providers/Microsoft.Consumption/budgets/world";

    /// <summary>POSTs a valid body and returns the created record's id ("PARTNER-1" style ids come back as the empty GUID).</summary>
    private static async Task<Guid> CreatedAsync(HttpClient op, string path, object body) =>
        (await PurserApi.CreatedAsync(op, path, body)).GetProperty("id") is { ValueKind: JsonValueKind.String } id && id.TryGetGuid(out var guid) ? guid : Guid.Empty;
}

/// <summary>
/// A profile's lot of 2,000,000.00 with 1,000,000.00 of it drawn by one charge (refunds go back to it), a lot already
/// voided, and lots of 10.00 for void calls, granted after the charge so it drew none of them.
/// </summary>
internal sealed record CreditTargets(Guid ProfileId, Guid AdjustableLotId, Guid RefundableChargeId, Guid VoidedLotId, IReadOnlyList<Guid> VoidableLotIds)
{
    public static async Task<CreditTargets> CreateAsync(HttpClient op, Guid accountId, int voidableLots)
    {
        var profileId = await Id(op, "/ops/billingProfiles", new { billingAccountId = accountId, displayName = "信用", currency = "CNY", timeZone = "Asia/Shanghai" });
        var lotId = await Id(op, "/ops/credits", new { billingProfileId = profileId, amount = 2_000_000m });
        var chargeId = await Id(op, "/ops/charges", new { billingProfileId = profileId, amount = 1_000_000m, description = "专线" });
        var voidable = new List<Guid>();
        for (var i = 0; i <= voidableLots; i++)
            voidable.Add(await Id(op, "/ops/credits", new { billingProfileId = profileId, amount = 10m }));
        var voidedLotId = voidable[^1];
        await PurserApi.CreatedAsync(op, $"/ops/creditLots/{voidedLotId}/void", new { reason = "Seeded" });
        return new CreditTargets(profileId, lotId, chargeId, voidedLotId, voidable[..^1]);
    }

    private static async Task<Guid> Id(HttpClient op, string path, object body) => (await PurserApi.CreatedAsync(op, path, body)).GetProperty("id").GetGuid();
}
