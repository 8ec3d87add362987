using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Purser.Engine;
using Purser.Testing;

namespace Purser.Server.Tests.Operator;

public class AccountsApiTests
{
    private static readonly object Account = new
    {
        displayName = "Contoso",
        agreementType = "MicrosoftCustomerAgreement",
        accountType = "Enterprise",
        soldTo = new { addressLine1 = "1 Road", country = "CN" },
    };

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_operator_creates_an_account_profile_user_role_and_token_and_the_token_authenticates(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine);
        using var op = api.Operator();

        var account = await ReadAsync(await PurserApi.PostAsync(op, "/ops/billingAccounts", Account), HttpStatusCode.Created);
        var accountId = account.GetProperty("id").GetGuid();
        Assert.Matches("^[0-9a-f-]{36}:[0-9a-f-]{36}_\\d{4}-\\d{2}-\\d{2}$", account.GetProperty("name").GetString());

        var profile = await ReadAsync(await PurserApi.PostAsync(op, "/ops/billingProfiles",
            new { billingAccountId = accountId, displayName = "Development", currency = "USD", invoiceDay = 5 }), HttpStatusCode.Created);
        Assert.Matches("^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{3}-[A-Z0-9]{3}$", profile.GetProperty("name").GetString());

        var user = await ReadAsync(await PurserApi.PostAsync(op, "/ops/users",
            new { billingAccountId = accountId, email = "Reader@Contoso.com", password = "correct horse battery" }), HttpStatusCode.Created);
        Assert.Equal("reader@contoso.com", user.GetProperty("email").GetString());
        var userId = user.GetProperty("id").GetGuid();

        var role = await ReadAsync(await PurserApi.PostAsync(op, "/ops/roleAssignments",
            new { userId, role = "BillingProfileReader", scopeId = profile.GetProperty("id").GetGuid() }), HttpStatusCode.Created);
        Assert.Equal("BillingProfile", role.GetProperty("scopeKind").GetString());

        var token = await ReadAsync(await PurserApi.PostAsync(op, "/ops/tokens", new { userId, name = "ci" }), HttpStatusCode.Created);
        using var reader = api.Client(token.GetProperty("token").GetString());
        var denied = await PurserApi.PostAsync(reader, "/ops/billingAccounts", Account);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("AuthorizationFailed", (await ReadAsync(denied, HttpStatusCode.Forbidden)).GetProperty("error").GetProperty("code").GetString());
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Calls_without_a_valid_token_get_401_with_an_arm_error_and_healthz_needs_none(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine);
        foreach (var token in new string?[] { null, "pst_not-a-real-token" })
        {
            using var anonymous = api.Client(token);
            var response = await PurserApi.PostAsync(anonymous, "/ops/billingAccounts", Account);
            var error = await ReadAsync(response, HttpStatusCode.Unauthorized);
            Assert.Equal("AuthenticationFailed", error.GetProperty("error").GetProperty("code").GetString());
        }
        using var none = api.Client(null);
        Assert.Equal(HttpStatusCode.OK, (await none.GetAsync("/healthz")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Replaying_a_create_with_its_key_returns_the_first_reply_and_creates_once(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine);
        using var op = api.Operator();
        var first = await (await PurserApi.PostAsync(op, "/ops/billingAccounts", Account, "key-1")).Content.ReadAsStringAsync();
        for (var i = 0; i < 3; i++)
        {
            var replay = await PurserApi.PostAsync(op, "/ops/billingAccounts", Account, "key-1");
            Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
            Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
            Assert.Equal(JsonDocument.Parse(first).RootElement.GetProperty("id").GetGuid(),
                (await ReadAsync(replay, HttpStatusCode.Created)).GetProperty("id").GetGuid());
        }
        var reused = await PurserApi.PostAsync(op, "/ops/billingAccounts", new { displayName = "Other", agreementType = "EnterpriseAgreement", accountType = "Enterprise", soldTo = new { addressLine1 = "x", country = "CN" } }, "key-1");
        Assert.Equal((HttpStatusCode)422, reused.StatusCode);
        await using var db = api.Database.Store.CreateContext();
        Assert.Equal(1, await db.BillingAccounts.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Mutating_calls_without_an_idempotency_key_are_refused(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine);
        using var op = api.Operator();
        var response = await op.PostAsJsonAsync("/ops/billingAccounts", Account);
        var error = await ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("MissingIdempotencyKey", error.GetProperty("error").GetProperty("code").GetString());
    }

    internal static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
