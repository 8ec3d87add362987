using System.Net;
using System.Text.Json;
using Purser.Server.Tests.Operator;
using Purser.Testing;

namespace Purser.Server.Tests.Arm;

/// <summary>Callers and objects the Consumption tests add to seed 004 through the operator API.</summary>
internal static class ConsumptionCallers
{
    public const string ApiVersion = "api-version=2021-10-01";

    /// <summary>A token for a new user of the account holding one role at one scope (the account or a profile).</summary>
    public static async Task<string> TokenAsync(PurserApi api, Guid accountId, string role, Guid scopeId)
    {
        using var op = api.Operator();
        var user = await CreatedAsync(op, "/ops/users", new { billingAccountId = accountId, email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@contoso.com" });
        var userId = user.GetProperty("id").GetGuid();
        await CreatedAsync(op, "/ops/roleAssignments", new { userId, role, scopeId });
        return (await CreatedAsync(op, "/ops/tokens", new { userId, name = role })).GetProperty("token").GetString()!;
    }

    public static async Task<Guid> SubscriptionAsync(PurserApi api, Guid profileId)
    {
        using var op = api.Operator();
        return (await CreatedAsync(op, "/ops/subscriptions", new { billingProfileId = profileId, displayName = "Dev/Test", offerType = "PayAsYouGo" }))
            .GetProperty("id").GetGuid();
    }

    public static async Task ChargeAsync(PurserApi api, Guid profileId, decimal amount, DateTimeOffset at, bool creditEligible = true, Guid? subscriptionId = null)
    {
        using var op = api.Operator();
        await CreatedAsync(op, "/ops/charges", new { billingProfileId = profileId, subscriptionId, amount, description = $"Charge of {amount}", creditEligible, chargedAt = at });
    }

    public static string AccountPath(Seed004Scenario seed) =>
        $"/providers/Microsoft.Billing/billingAccounts/{Uri.EscapeDataString(seed.AccountName)}";

    public static string ProfilePath(Seed004Scenario seed) => $"{AccountPath(seed)}/billingProfiles/{seed.ProfileName}";

    public static async Task<JsonElement> GetAsync(HttpClient http, string path, HttpStatusCode expected = HttpStatusCode.OK) =>
        await AccountsApiTests.ReadAsync(await http.GetAsync(path), expected);

    public static async Task<JsonElement> CreatedAsync(HttpClient op, string path, object body) =>
        await AccountsApiTests.ReadAsync(await PurserApi.PostAsync(op, path, body), HttpStatusCode.Created);
}
