using System.Net;
using Purser.Engine;
using Purser.Testing;

namespace Purser.Server.Tests.Arm.Billing;

/// <summary>
/// A partner's customer in Shanghai, built through the operator API along its own story, whose first
/// close issues one invoice with license lines and a one-off charge:
/// <list type="bullet">
/// <item>2026-06-01: account "上海云启科技", profile "云启生产" (CNY, Asia/Shanghai, invoice day 15, PO-2026-06, zh-Hans)
/// with 50.00 of promotional credit; partner "CSP-YUNQI" sells "Microsoft 365 E3" at 10.00 a seat a month.</item>
/// <item>LicenseBased "席位订阅" from 06-03 with 10 seats, 20 from 06-08, 15 from 06-12 (R-LIC-FREECHANGE);
/// pay-as-you-go "开发测试" with a one-off 88.88 "技术支持服务费" on 06-10, 50.00 of it paid by the credit.</item>
/// <item>At 00:30 on 06-15 Shanghai the period 05-15..06-14 closes into <see cref="Lines"/>: 238.88, 50.00 credit,
/// 188.88 due on 2026-07-15.</item>
/// <item>A BillingProfileReader of the profile, a user of the account without a role, and a stranger owning another account.</item>
/// </list>
/// </summary>
public sealed class LicenseInvoiceWorld
{
    public const string ApiVersion = "api-version=2020-05-01";
    public static readonly DateTimeOffset Opened = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The invoice's due date, 2026-07-15, ends at this instant: midnight in Shanghai, 16:00 UTC.</summary>
    public static readonly DateTimeOffset DueDateEnds = new(2026, 7, 16, 0, 0, 0, TimeSpan.FromHours(8));

    /// <summary>The invoice's lines in the order the close billed them: recorded charges first, then what the close bills itself.</summary>
    public static readonly IReadOnlyList<Line> Lines =
    [
        new("OneTime", "技术支持服务费", "开发测试", new(2026, 6, 10), new(2026, 6, 10), 1m, 88.88m, 88.88m, 50.00m),
        new("Prorated", "Microsoft 365 E3, Prorated, 10 seats, 2026-06-03..2026-06-07", "席位订阅", new(2026, 6, 3), new(2026, 6, 7), 10m, 0m, 0m, 0m),
        new("Prorated", "Microsoft 365 E3, Prorated, 20 seats, 2026-06-08..2026-06-11", "席位订阅", new(2026, 6, 8), new(2026, 6, 11), 20m, 0m, 0m, 0m),
        new("Prorated", "Microsoft 365 E3, Prorated, 15 seats, 2026-06-12..2026-06-14", "席位订阅", new(2026, 6, 12), new(2026, 6, 14), 15m, 0m, 0m, 0m),
        new("Prepaid", "Microsoft 365 E3, Prepaid, 15 seats, 2026-06-15..2026-07-14", "席位订阅", new(2026, 6, 15), new(2026, 7, 14), 15m, 10m, 150.00m, 0m),
    ];

    public const decimal SubTotal = 238.88m;
    public const decimal CreditApplied = 50.00m;
    public const decimal AmountDue = 188.88m;

    private LicenseInvoiceWorld(PurserApi api) => Api = api;

    public PurserApi Api { get; }
    public string AccountName { get; private set; } = "";
    public string ProfileName { get; private set; } = "";
    public Guid InvoiceId { get; private set; }
    public string InvoiceNumber { get; private set; } = "";
    public Guid LicenseMeterId { get; private set; }
    public string ReaderToken { get; private set; } = "";
    public string NoRoleToken { get; private set; } = "";
    public string StrangerToken { get; private set; } = "";

    public string InvoicePath => $"/providers/Microsoft.Billing/billingAccounts/{Uri.EscapeDataString(AccountName)}/invoices/{InvoiceNumber}";
    public string ProfileId => $"/providers/Microsoft.Billing/billingAccounts/{AccountName}/billingProfiles/{ProfileName}";
    public string PaymentsPath => $"/ops/invoices/{InvoiceId}/payments";

    /// <summary>A server whose clock starts at <see cref="Opened"/>, so the story runs forward.</summary>
    public static Task<PurserApi> StartApiAsync(StorageEngine engine) => PurserApi.StartAsync(engine, Opened);

    public static async Task<LicenseInvoiceWorld> BuildAsync(PurserApi api)
    {
        var world = new LicenseInvoiceWorld(api);
        await world.BuildAsync();
        return world;
    }

    private async Task BuildAsync()
    {
        using var op = Api.Operator();
        var account = await PurserApi.CreatedAsync(op, "/ops/billingAccounts", new
        {
            displayName = "上海云启科技", agreementType = "MicrosoftCustomerAgreement", accountType = "Enterprise",
            soldTo = new { addressLine1 = "世纪大道 100 号", city = "上海", postalCode = "200120", country = "CN", companyName = "上海云启科技有限公司" },
        });
        var accountId = account.GetProperty("id").GetGuid();
        AccountName = account.GetProperty("name").GetString()!;
        var profile = await PurserApi.CreatedAsync(op, "/ops/billingProfiles", new
        {
            billingAccountId = accountId, displayName = "云启生产", currency = "CNY", invoiceDay = 15, timeZone = "Asia/Shanghai", poNumber = "PO-2026-06",
        });
        var profileId = profile.GetProperty("id").GetGuid();
        ProfileName = profile.GetProperty("name").GetString()!;
        await PurserApi.CreatedAsync(op, "/ops/credits", new { billingProfileId = profileId, amount = 50.00m, source = "Azure Promotional Credit" });
        await PurserApi.CreatedAsync(op, "/ops/partners", new { id = "CSP-YUNQI", companyName = "云启合作伙伴", billingDay = 15 });
        LicenseMeterId = (await PurserApi.CreatedAsync(op, "/ops/meters", new { name = "Microsoft 365 E3", category = "Licenses", unit = "1 Seat/Month" }))
            .GetProperty("id").GetGuid();
        await PurserApi.CreatedAsync(op, $"/ops/meters/{LicenseMeterId}/prices", new { currency = "CNY", unitPrice = 10m });

        Api.AdvanceClockTo(At(6, 3, 9));
        var seats = (await PurserApi.CreatedAsync(op, "/ops/subscriptions", new
        {
            billingProfileId = profileId, displayName = "席位订阅", offerType = "LicenseBased", partnerId = "CSP-YUNQI", licenseMeterId = LicenseMeterId,
            seats = 10, startDate = "2026-06-03",
        })).GetProperty("id").GetGuid();
        var development = (await PurserApi.CreatedAsync(op, "/ops/subscriptions", new { billingProfileId = profileId, displayName = "开发测试", offerType = "PayAsYouGo" }))
            .GetProperty("id").GetGuid();
        Api.AdvanceClockTo(At(6, 8, 9));
        await PurserApi.CreatedAsync(op, $"/ops/subscriptions/{seats}/seatChanges", new { effectiveDate = "2026-06-08", seats = 20 });
        Api.AdvanceClockTo(At(6, 10, 12));
        await PurserApi.CreatedAsync(op, "/ops/charges", new
        {
            billingProfileId = profileId, subscriptionId = development, amount = 88.88m, description = "技术支持服务费", chargedAt = At(6, 10, 11),
        });
        Api.AdvanceClockTo(At(6, 12, 9));
        await PurserApi.CreatedAsync(op, $"/ops/subscriptions/{seats}/seatChanges", new { effectiveDate = "2026-06-12", seats = 15 });

        Api.AdvanceClockTo(new DateTimeOffset(2026, 6, 15, 0, 30, 0, TimeSpan.FromHours(8)));
        var invoice = await PurserApi.CreatedAsync(op, "/ops/billingRuns", new { billingProfileId = profileId, periodStart = "2026-05-15", periodEnd = "2026-06-14" });
        InvoiceId = invoice.GetProperty("id").GetGuid();
        InvoiceNumber = invoice.GetProperty("invoiceNumber").GetString()!;

        ReaderToken = await PersonAsync(op, accountId, "BillingProfileReader", profileId);
        NoRoleToken = await PersonAsync(op, accountId, null, Guid.Empty);
        var other = (await PurserApi.CreatedAsync(op, "/ops/billingAccounts", new
        {
            displayName = "Fabrikam", agreementType = "MicrosoftCustomerAgreement", accountType = "Enterprise", soldTo = new { addressLine1 = "2 Road", country = "US" },
        })).GetProperty("id").GetGuid();
        StrangerToken = await PersonAsync(op, other, "BillingAccountOwner", other);
    }

    /// <summary>Records a payment against the invoice with a fresh idempotency key; the answer as sent.</summary>
    public async Task<HttpResponseMessage> PayAsync(decimal amount, string method = "WireTransfer")
    {
        using var op = Api.Operator();
        return await PurserApi.PostAsync(op, PaymentsPath, new { amount, method });
    }

    /// <summary>The invoice as the ARM surface shows it to the operator now.</summary>
    public async Task<System.Text.Json.JsonElement> InvoiceAsync()
    {
        using var op = Api.Operator();
        return await BillingJson.GetAsync(op, $"{InvoicePath}?{ApiVersion}", HttpStatusCode.OK);
    }

    private static async Task<string> PersonAsync(HttpClient op, Guid accountId, string? role, Guid scopeId)
    {
        var user = (await PurserApi.CreatedAsync(op, "/ops/users", new { billingAccountId = accountId, email = $"{role ?? "norole"}-{Guid.NewGuid():N}@yunqi.test".ToLowerInvariant() }))
            .GetProperty("id").GetGuid();
        if (role is not null)
            await PurserApi.CreatedAsync(op, "/ops/roleAssignments", new { userId = user, role, scopeId });
        return (await PurserApi.CreatedAsync(op, "/ops/tokens", new { userId = user, name = "invoice-tests" })).GetProperty("token").GetString()!;
    }

    private static DateTimeOffset At(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    /// <summary>One expected line item.</summary>
    public sealed record Line(string ChargeType, string Description, string Subscription, DateOnly Start, DateOnly End,
        decimal Quantity, decimal UnitPrice, decimal Amount, decimal Credit);
}
