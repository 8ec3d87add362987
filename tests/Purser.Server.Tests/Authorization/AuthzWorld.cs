using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Purser.Testing;

namespace Purser.Server.Tests.Authorization;

/// <summary>One billing profile a request can address, with everything a route can name under it.</summary>
internal sealed record AuthzTarget(string Label, string Tenant, bool IsMain, Guid AccountId, string AccountName, Guid ProfileId, string ProfileName,
    Guid SubscriptionId, Guid PrepaidSubscriptionId, string InvoiceName, Guid UserId)
{
    public override string ToString() => Label;
}

/// <summary>
/// Two tenants built through the operator API. Tenant A has profiles "Main" and "Other"; tenant B one
/// "Main". Each profile has credit, a charge, a September invoice, a pay-as-you-go and a prepaid
/// subscription, and budgets named "standing" at its account, profile and subscription scopes. Tenant A
/// has one user per role (account roles on the account, profile roles on Main, ServiceAdministrator on
/// Main's subscription) and one with no role; tenant B has its account owner. The clock ends at 2019-10-02 12:00 UTC.
/// </summary>
internal sealed class AuthzWorld
{
    public const string StandingBudget = "standing";
    public static readonly DateTimeOffset Start = new(2019, 9, 1, 0, 0, 0, TimeSpan.Zero);
    private int _counter;

    private AuthzWorld(PurserApi api) => Api = api;

    public PurserApi Api { get; }
    public List<AuthzTarget> Targets { get; } = [];
    public List<AuthzCaller> Callers { get; } = [];
    public Guid UsageMeterId { get; private set; }
    public string PartnerId { get; private set; } = "";

    /// <summary>A number never handed out before, for names, keys and amounts that must be fresh.</summary>
    public int Next() => Interlocked.Increment(ref _counter);

    public static async Task<AuthzWorld> BuildAsync(PurserApi api)
    {
        var world = new AuthzWorld(api);
        await world.BuildAsync();
        return world;
    }

    private async Task BuildAsync()
    {
        using var op = Api.Operator();
        var (aId, aName) = await AccountAsync(op, "Contoso");
        var (bId, bName) = await AccountAsync(op, "Fabrikam");
        UsageMeterId = (await PurserApi.CreatedAsync(op, "/ops/meters", new { name = "Authz D2 v3", category = "Virtual Machines", unit = "1 Hour" })).GetProperty("id").GetGuid();
        PartnerId = (await PurserApi.CreatedAsync(op, "/ops/partners", new { id = "AUTHZ-1", companyName = "Authz Partner", billingDay = 5 })).GetProperty("id").GetString()!;

        var profiles = new List<(string Label, string Tenant, bool Main, Guid AccountId, string AccountName, Guid ProfileId, string ProfileName, Guid Sub, Guid Prepaid)>();
        foreach (var (label, tenant, main, accountId, accountName) in new[] { ("A/Main", "A", true, aId, aName), ("A/Other", "A", false, aId, aName), ("B/Main", "B", true, bId, bName) })
        {
            var profile = await PurserApi.CreatedAsync(op, "/ops/billingProfiles", new { billingAccountId = accountId, displayName = label, currency = "USD", invoiceDay = 1 });
            var profileId = profile.GetProperty("id").GetGuid();
            await PurserApi.CreatedAsync(op, "/ops/credits", new { billingProfileId = profileId, amount = 500.00m, source = "Azure Promotional Credit" });
            var sub = await SubscriptionAsync(op, profileId, "PayAsYouGo");
            var prepaid = await SubscriptionAsync(op, profileId, "StandardPrepaid");
            await PurserApi.CreatedAsync(op, "/ops/charges", new { billingProfileId = profileId, subscriptionId = sub, amount = 2.13m, description = "September usage", chargedAt = Start.AddDays(9) });
            profiles.Add((label, tenant, main, accountId, accountName, profileId, profile.GetProperty("name").GetString()!, sub, prepaid));
        }

        Api.Clock.SetUtcNow(new DateTimeOffset(2019, 10, 2, 12, 0, 0, TimeSpan.Zero));
        foreach (var p in profiles)
        {
            var invoice = await PurserApi.CreatedAsync(op, "/ops/billingRuns", new { billingProfileId = p.ProfileId, periodStart = "2019-09-01", periodEnd = "2019-09-30" });
            var user = await PersonAsync(op, p.AccountId, null, Guid.Empty);
            Targets.Add(new AuthzTarget(p.Label, p.Tenant, p.Main, p.AccountId, p.AccountName, p.ProfileId, p.ProfileName, p.Sub, p.Prepaid,
                invoice.GetProperty("invoiceNumber").GetString()!, user.UserId));
        }
        await UsageAsync(op);
        foreach (var t in Targets)
        {
            if (t.IsMain)
                await BudgetAsync(op, $"/providers/Microsoft.Billing/billingAccounts/{Uri.EscapeDataString(t.AccountName)}", StandingBudget);
            await BudgetAsync(op, $"/providers/Microsoft.Billing/billingAccounts/{Uri.EscapeDataString(t.AccountName)}/billingProfiles/{t.ProfileName}", StandingBudget);
            await BudgetAsync(op, $"/subscriptions/{t.SubscriptionId}", StandingBudget);
        }
        await CallersAsync(op);
    }

    /// <summary>One usage event on each target's subscription, so usage details and downloads have lines to show (or hide).</summary>
    private async Task UsageAsync(HttpClient op)
    {
        var events = Targets.Select(t => new { eventId = $"world-{t.Label}", subscriptionId = t.SubscriptionId, meterId = UsageMeterId, quantity = 3m,
            timestamp = Api.Clock.GetUtcNow().AddHours(-2) }).ToArray();
        var response = await PurserApi.PostAsync(op, "/ops/usage", new { source = "rp.authz", events });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST /ops/usage answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private async Task CallersAsync(HttpClient op)
    {
        var main = Targets.Single(t => t.Label == "A/Main");
        var b = Targets.Single(t => t.Tenant == "B");
        Callers.Add(new AuthzCaller(AuthzCaller.Operator, Api.OperatorToken, IsOperator: true));
        foreach (var role in AuthzCaller.AccountRoles)
            Callers.Add(new AuthzCaller(role, (await PersonAsync(op, main.AccountId, role, main.AccountId)).Token, "A", role));
        foreach (var role in AuthzCaller.ProfileRoles)
            Callers.Add(new AuthzCaller(role, (await PersonAsync(op, main.AccountId, role, main.ProfileId)).Token, "A", role));
        Callers.Add(new AuthzCaller(AuthzCaller.SubscriptionRole, (await PersonAsync(op, main.AccountId, AuthzCaller.SubscriptionRole, main.SubscriptionId)).Token, "A",
            AuthzCaller.SubscriptionRole));
        Callers.Add(new AuthzCaller(AuthzCaller.NoRole, (await PersonAsync(op, main.AccountId, null, Guid.Empty)).Token, "A"));
        Callers.Add(new AuthzCaller(AuthzCaller.TenantBOwner, (await PersonAsync(op, b.AccountId, "BillingAccountOwner", b.AccountId)).Token, "B", "BillingAccountOwner"));
        Callers.Add(new AuthzCaller(AuthzCaller.Anonymous, null));
        Callers.Add(new AuthzCaller(AuthzCaller.BadToken, "pst_" + Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_')));
    }

    /// <summary>A budget PUT by the operator (who may write any scope); the matrix reads, replaces and deletes such budgets.</summary>
    public static async Task BudgetAsync(HttpClient op, string scopePath, string name)
    {
        ArgumentNullException.ThrowIfNull(op);
        var response = await op.PutAsJsonAsync($"{scopePath}/providers/Microsoft.Consumption/budgets/{name}?api-version=2021-10-01", BudgetBody(100m));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"PUT budget {scopePath}/{name} answered {(int)response.StatusCode}: {text}");
    }

    public static object BudgetBody(decimal amount) => new
    {
        properties = new
        {
            category = "Cost", amount, timeGrain = "Monthly", timePeriod = new { startDate = "2019-10-01T00:00:00Z" },
            notifications = new Dictionary<string, object>
            {
                ["Actual_GreaterThan_80_Percent"] = new { enabled = true, @operator = "GreaterThan", threshold = 80, contactEmails = new[] { "finance@contoso.com" } },
            },
        },
    };

    private static async Task<(Guid Id, string Name)> AccountAsync(HttpClient op, string displayName)
    {
        var account = await PurserApi.CreatedAsync(op, "/ops/billingAccounts", new
        {
            displayName, agreementType = "MicrosoftCustomerAgreement", accountType = "Enterprise",
            soldTo = new { addressLine1 = "1 Main Street", city = "Redmond", region = "WA", postalCode = "98052", country = "US", companyName = displayName },
        });
        return (account.GetProperty("id").GetGuid(), account.GetProperty("name").GetString()!);
    }

    private static async Task<Guid> SubscriptionAsync(HttpClient op, Guid profileId, string offerType) =>
        (await PurserApi.CreatedAsync(op, "/ops/subscriptions", new { billingProfileId = profileId, displayName = offerType, offerType })).GetProperty("id").GetGuid();

    private static async Task<(Guid UserId, string Token)> PersonAsync(HttpClient op, Guid accountId, string? role, Guid scopeId)
    {
        var email = $"{(role ?? "norole").ToLowerInvariant()}-{Guid.NewGuid():N}@authz.test";
        var user = (await PurserApi.CreatedAsync(op, "/ops/users", new { billingAccountId = accountId, email })).GetProperty("id").GetGuid();
        if (role is not null)
            await PurserApi.CreatedAsync(op, "/ops/roleAssignments", new { userId = user, role, scopeId });
        var token = (await PurserApi.CreatedAsync(op, "/ops/tokens", new { userId = user, name = "authz" })).GetProperty("token").GetString()!;
        return (user, token);
    }
}
