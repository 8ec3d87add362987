using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Purser.Engine.Accounts;

namespace Purser.Portal.Tests;

/// <summary>What the API answers about what a portal page just changed: the ARM subscription as the same user sees it, and the operator's full records.</summary>
internal static class ApiReads
{
    /// <summary>The operator API's subscription (name, service administrator, partner, state), as stored.</summary>
    public static async Task<JsonElement> OperatorSubscriptionAsync(this PortalFixture portal, Guid subscriptionId)
    {
        using var op = portal.Api.Operator();
        return await op.GetJsonAsync($"/ops/subscriptions/{subscriptionId}");
    }

    /// <summary>The operator API's contact details of a person (R-PROFILE).</summary>
    public static async Task<JsonElement> OperatorUserAsync(this PortalFixture portal, Guid userId)
    {
        using var op = portal.Api.Operator();
        return await op.GetJsonAsync($"/ops/users/{userId}");
    }

    /// <summary>The ARM billing subscription's properties, read with a token of <paramref name="email"/> from its profile's list.</summary>
    public static async Task<JsonElement> ArmSubscriptionAsync(this PortalFixture portal, string email, Guid subscriptionId)
    {
        var scope = await portal.ProfileScopeOfAsync(subscriptionId);
        using var api = await portal.ApiClientForAsync(email);
        var listed = await api.ListAsync($"/providers/Microsoft.Billing/billingAccounts/{Uri.EscapeDataString(scope.AccountName)}/billingProfiles/{scope.ProfileName}/billingSubscriptions?api-version=2020-05-01");
        return listed.Single(s => s.GetProperty("name").GetString() == subscriptionId.ToString("D")).GetProperty("properties");
    }

    /// <summary>When the credit lot that expires last on the subscription's profile expires, as the ARM lots list of its administrator says.</summary>
    public static async Task<DateTimeOffset> NewestLotExpiryAsync(this PortalFixture portal, string email, Guid subscriptionId)
    {
        var scope = await portal.ProfileScopeOfAsync(subscriptionId);
        using var api = await portal.ApiClientForAsync(email);
        var lots = await api.GetJsonAsync($"/providers/Microsoft.Billing/billingAccounts/{Uri.EscapeDataString(scope.AccountName)}/billingProfiles/{scope.ProfileName}/providers/Microsoft.Consumption/lots?api-version=2023-03-01");
        return lots.GetProperty("value").EnumerateArray().Max(l => l.GetProperty("properties").GetProperty("expirationDate").GetDateTimeOffset());
    }

    /// <summary>The ARM names of the billing profile a subscription belongs to, as the operator API records it.</summary>
    private static async Task<Purser.Engine.Access.BillingScope> ProfileScopeOfAsync(this PortalFixture portal, Guid subscriptionId) =>
        await portal.ProfileScopeAsync((await portal.OperatorSubscriptionAsync(subscriptionId)).GetProperty("billingProfileId").GetGuid());

    public static async Task<Guid> UserIdAsync(this PortalFixture portal, string email) =>
        (await portal.Api.Services.GetRequiredService<AccountCommands>().FindUserAsync(email, default) ?? throw new InvalidOperationException($"No user {email}.")).Id;

    /// <summary>The id of the billing profile named <paramref name="displayName"/> in the account of <paramref name="email"/>.</summary>
    public static async Task<Guid> ProfileIdAsync(this PortalFixture portal, string email, string displayName)
    {
        var user = await portal.Api.Services.GetRequiredService<AccountCommands>().FindUserAsync(email, default) ?? throw new InvalidOperationException($"No user {email}.");
        var profiles = await portal.Api.Services.GetRequiredService<AccountQueries>().ProfilesAsync([user.BillingAccountId!.Value], default);
        return profiles.Single(p => p.DisplayName == displayName).Id;
    }

    /// <summary>The anti-forgery token of a page the user may see, to post as a page would (the server, not the page, must refuse).</summary>
    public static async Task<int> PostWithTokenAsync(this Microsoft.Playwright.IPage page, string path, string handler, params (string Name, string Value)[] fields)
    {
        await page.GotoAsync("/portal");
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.InputValueAsync();
        var form = page.APIRequest.CreateFormData().Append("_handler", handler).Append("__RequestVerificationToken", token);
        foreach (var (name, value) in fields)
            form = form.Append(name, value);
        var response = await page.APIRequest.PostAsync(path, new() { Form = form, MaxRedirects = 0 });
        return response.Status;
    }
}
