using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Purser.Core;
using Purser.Engine;
using Purser.Engine.Accounts;
using Purser.Testing;

namespace Purser.Server.Tests.Operator;

/// <summary>R-PROFILE: a person's contact details change through <see cref="UserProfileCommands"/> and read back the same through GET /ops/users/{id}.</summary>
public class UserProfileTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Contact_details_change_and_read_back_and_a_bad_or_taken_email_changes_nothing(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine);
        using var op = api.Operator();
        var account = (await PurserApi.CreatedAsync(op, "/ops/billingAccounts", new
        {
            displayName = "Contoso", agreementType = "MicrosoftCustomerAgreement", accountType = "Enterprise", soldTo = new { addressLine1 = "1 Road", country = "CN" },
        })).GetProperty("id").GetGuid();
        var userId = (await PurserApi.CreatedAsync(op, "/ops/users", new { billingAccountId = account, email = "admin@contoso.test", firstName = "Ada", phone = "+86 1" }))
            .GetProperty("id").GetGuid();
        await PurserApi.CreatedAsync(op, "/ops/users", new { billingAccountId = account, email = "taken@contoso.test" });
        var profiles = api.Services.GetRequiredService<UserProfileCommands>();

        var changed = await profiles.ChangeAsync(userId, new UserProfileChange(" Billing@Contoso.TEST ", "Grace", "Hopper", "", "Contoso Ltd."), default);
        Assert.Equal(new UserProfileView(userId, account, "billing@contoso.test", "Grace", "Hopper", null, "Contoso Ltd.", OptionalNotices: true), changed.Value);
        var read = await AccountsApiTests.ReadAsync(await op.GetAsync($"/ops/users/{userId}"), HttpStatusCode.OK);
        Assert.Equal("billing@contoso.test", read.GetProperty("email").GetString());
        Assert.Equal("Hopper", read.GetProperty("lastName").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, read.GetProperty("phone").ValueKind);
        Assert.Equal("Contoso Ltd.", read.GetProperty("company").GetString());
        // The new address is the one they sign in and are found by.
        Assert.Equal(userId, (await api.Services.GetRequiredService<AccountCommands>().FindUserAsync("billing@contoso.test", default))!.Id);

        var invalid = await profiles.ChangeAsync(userId, new UserProfileChange("not an address", "Changed", null, null, null), default);
        Assert.Equal(RefusalCode.InvalidField, invalid.Refusal!.Code);
        Assert.Equal("email", invalid.Refusal.Target);
        var taken = await profiles.ChangeAsync(userId, new UserProfileChange("TAKEN@contoso.test", "Changed", null, null, null), default);
        Assert.Equal(RefusalCode.Conflict, taken.Refusal!.Code);
        Assert.Equal(changed.Value, await profiles.FindAsync(userId, default));

        // Null leaves a field as it is.
        Assert.Equal(changed.Value with { Phone = "+86 2" }, (await profiles.ChangeAsync(userId, new UserProfileChange(null, null, null, "+86 2", null), default)).Value);
        Assert.Equal(RefusalCode.NotFound, (await profiles.ChangeAsync(Guid.NewGuid(), new UserProfileChange(null, "X", null, null, null), default)).Refusal!.Code);
        Assert.Equal(HttpStatusCode.NotFound, (await op.GetAsync($"/ops/users/{Guid.NewGuid()}")).StatusCode);
    }
}
