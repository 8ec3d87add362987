using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Purser.Core.Lifecycle;
using Purser.Engine;
using Purser.Testing;

namespace Purser.Server.Tests.Arm.Billing;

/// <summary>
/// A billing account built through the operator API, as of 2019-10-10:
/// <list type="bullet">
/// <item>"Development" (USD, invoice day 5, PO-4711) with 4.00 promotional and 100.00 prepaid credit, subscriptions
/// Web (Active), Batch (Disabled) and Old (Deleted), charges from July to October, and invoices dated 08-05, 09-05, 10-05.</item>
/// <item>"Operations" (CNY) with no credit and one 50.00 invoice dated 09-01, due 10-01 (so overdue).</item>
/// <item>A user per role in <see cref="Roles"/>, one with no role, and a stranger who owns another account.</item>
/// </list>
/// </summary>
public sealed class BillingTenant
{
    public const string ApiVersion = "api-version=2020-05-01";
    public const string NoRole = "NoRole";
    public const string Stranger = "Stranger";

    /// <summary>When the account opens; start the server's clock here (<see cref="StartApiAsync"/>) so the story runs forward.</summary>
    public static readonly DateTimeOffset Opened = new(2019, 7, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly string[] AccountRoles = ["BillingAccountOwner", "BillingAccountContributor", "BillingAccountReader"];
    public static readonly string[] ProfileRoles = ["BillingProfileOwner", "BillingProfileContributor", "BillingProfileReader", "InvoiceManager"];

    private BillingTenant(PurserApi api) => Api = api;

    public PurserApi Api { get; }
    public string AccountName { get; private set; } = "";
    public Guid AccountId { get; private set; }
    public string StrangerAccountName { get; private set; } = "";
    public Profile Development { get; private set; } = null!;
    public Profile Operations { get; private set; } = null!;
    public Dictionary<string, Guid> Subscriptions { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Person> Roles { get; } = new(StringComparer.Ordinal);

    /// <summary>Development's invoices, oldest first.</summary>
    public List<string> DevelopmentInvoices { get; } = [];
    public string OperationsInvoice { get; private set; } = "";

    public string AccountPath => $"/providers/Microsoft.Billing/billingAccounts/{Uri.EscapeDataString(AccountName)}";
    public string ProfilePath(Profile profile) => $"{AccountPath}/billingProfiles/{profile.Name}";

    public HttpClient As(string role) => Api.Client(Roles[role].Token);

    public static Task<PurserApi> StartApiAsync(StorageEngine engine) => PurserApi.StartAsync(engine, Opened);

    public static async Task<BillingTenant> BuildAsync(PurserApi api)
    {
        var tenant = new BillingTenant(api);
        await tenant.BuildAsync();
        return tenant;
    }

    private async Task BuildAsync()
    {
        using var op = Api.Operator();
        At(2019, 7, 1);
        var account = await PurserApi.CreatedAsync(op, "/ops/billingAccounts", new
        {
            displayName = "Contoso", agreementType = "MicrosoftCustomerAgreement", accountType = "Enterprise",
            soldTo = new { addressLine1 = "1 Microsoft Way", city = "Redmond", region = "WA", postalCode = "98052", country = "US", companyName = "Contoso Ltd" },
        });
        AccountId = account.GetProperty("id").GetGuid();
        AccountName = account.GetProperty("name").GetString()!;
        Development = await ProfileAsync(op, new { billingAccountId = AccountId, displayName = "Development", currency = "USD", invoiceDay = 5, poNumber = "PO-4711" });
        Operations = await ProfileAsync(op, new { billingAccountId = AccountId, displayName = "Operations", currency = "CNY", invoiceDay = 1, invoiceEmailOptIn = false });

        await PurserApi.CreatedAsync(op, "/ops/credits", new { billingProfileId = Development.Id, amount = 4.00m, source = "Azure Promotional Credit", startDate = Opened, expirationDate = "2019-12-31T00:00:00Z" });
        await PurserApi.CreatedAsync(op, "/ops/credits", new { billingProfileId = Development.Id, amount = 100.00m, source = "Prepayment", startDate = Opened, expirationDate = "2020-06-30T00:00:00Z" });
        foreach (var name in new[] { "Web", "Batch", "Old" })
            Subscriptions[name] = (await PurserApi.CreatedAsync(op, "/ops/subscriptions", new { billingProfileId = Development.Id, displayName = name, offerType = "PayAsYouGo" }))
                .GetProperty("id").GetGuid();

        await ChargeAsync(op, "Web", 10.00m, 2019, 7, 20);
        At(2019, 8, 5);
        DevelopmentInvoices.Add(await RunAsync(op, Development, "2019-07-05", "2019-08-04"));
        await ChargeAsync(op, "Web", 7.00m, 2019, 8, 20);
        await ChargeOperationsAsync(op);
        At(2019, 9, 5);
        DevelopmentInvoices.Add(await RunAsync(op, Development, "2019-08-05", "2019-09-04"));
        OperationsInvoice = await RunAsync(op, Operations, "2019-08-01", "2019-08-31");
        await ChargeAsync(op, "Web", 2.50m, 2019, 9, 10);
        await ChargeAsync(op, "Batch", 1.25m, 2019, 9, 25);
        await ChargeAsync(op, "Web", 3.00m, 2019, 10, 2);
        At(2019, 10, 5);
        DevelopmentInvoices.Add(await RunAsync(op, Development, "2019-09-05", "2019-10-04"));
        await ChargeAsync(op, "Web", 0.75m, 2019, 10, 9);
        At(2019, 10, 10);
        await SetStateAsync("Batch", SubscriptionState.Disabled);
        await SetStateAsync("Old", SubscriptionState.Deleted);

        foreach (var role in AccountRoles.Append("AccountAdministrator"))
            Roles[role] = await PersonAsync(op, AccountId, role, AccountId);
        foreach (var role in ProfileRoles)
            Roles[role] = await PersonAsync(op, AccountId, role, Development.Id);
        Roles["ServiceAdministrator"] = await PersonAsync(op, AccountId, "ServiceAdministrator", Subscriptions["Web"]);
        Roles[NoRole] = await PersonAsync(op, AccountId, null, Guid.Empty);

        var other = await PurserApi.CreatedAsync(op, "/ops/billingAccounts", new
        {
            displayName = "Fabrikam", agreementType = "MicrosoftCustomerAgreement", accountType = "Individual", soldTo = new { addressLine1 = "2 Road", country = "CN" },
        });
        StrangerAccountName = other.GetProperty("name").GetString()!;
        var otherId = other.GetProperty("id").GetGuid();
        Roles[Stranger] = await PersonAsync(op, otherId, "BillingAccountOwner", otherId);
    }

    private static async Task<Profile> ProfileAsync(HttpClient op, object body)
    {
        var profile = await PurserApi.CreatedAsync(op, "/ops/billingProfiles", body);
        return new Profile(profile.GetProperty("id").GetGuid(), profile.GetProperty("name").GetString()!);
    }

    private async Task ChargeAsync(HttpClient op, string subscription, decimal amount, int year, int month, int day)
    {
        At(year, month, day);
        await PurserApi.CreatedAsync(op, "/ops/charges", new
        {
            billingProfileId = Development.Id, subscriptionId = Subscriptions[subscription], amount, description = $"{subscription} usage",
            chargedAt = new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.Zero),
        });
    }

    private async Task ChargeOperationsAsync(HttpClient op) =>
        await PurserApi.CreatedAsync(op, "/ops/charges", new
        {
            billingProfileId = Operations.Id, amount = 50.00m, description = "Support plan",
            chargedAt = new DateTimeOffset(2019, 8, 20, 12, 0, 0, TimeSpan.Zero),
        });

    private static async Task<string> RunAsync(HttpClient op, Profile profile, string start, string end) =>
        (await PurserApi.CreatedAsync(op, "/ops/billingRuns", new { billingProfileId = profile.Id, periodStart = start, periodEnd = end }))
            .GetProperty("invoiceNumber").GetString()!;

    private static async Task<Person> PersonAsync(HttpClient op, Guid accountId, string? role, Guid scopeId)
    {
        var email = $"{(role ?? NoRole).ToLowerInvariant()}-{Guid.NewGuid():N}@contoso.com";
        var user = (await PurserApi.CreatedAsync(op, "/ops/users", new { billingAccountId = accountId, email })).GetProperty("id").GetGuid();
        if (role is not null)
            await PurserApi.CreatedAsync(op, "/ops/roleAssignments", new { userId = user, role, scopeId });
        var token = (await PurserApi.CreatedAsync(op, "/ops/tokens", new { userId = user, name = "billing-tests" })).GetProperty("token").GetString()!;
        return new Person(user, email, token);
    }

    // Lifecycle sweeps own state changes; the tests only need the states to exist.
    private async Task SetStateAsync(string subscription, SubscriptionState state)
    {
        await using var db = Api.Database.Store.CreateContext();
        var row = await db.Subscriptions.SingleAsync(s => s.Id == Subscriptions[subscription]);
        row.State = state;
        await db.SaveChangesAsync();
    }

    private void At(int year, int month, int day)
    {
        Api.AdvanceClockTo(new DateTimeOffset(year, month, day, 1, 0, 0, TimeSpan.Zero));
    }

    public sealed record Profile(Guid Id, string Name);

    public sealed record Person(Guid UserId, string Email, string Token);
}
