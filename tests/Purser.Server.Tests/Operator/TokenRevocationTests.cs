using System.Net;
using System.Text.Json;
using Purser.Engine;
using Purser.Engine.Access;
using Purser.Testing;

namespace Purser.Server.Tests.Operator;

/// <summary>A leaked token is shut off at once; a user's tokens can be listed, never with their secrets.</summary>
public class TokenRevocationTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_revoked_token_stops_working_on_its_next_call_and_the_others_go_on(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine);
        using var op = api.Operator();
        var account = await PurserApi.CreatedAsync(op, "/ops/billingAccounts", new
        {
            displayName = "Leaky", agreementType = "MicrosoftCustomerAgreement", accountType = "Enterprise", soldTo = new { addressLine1 = "1 Way", country = "US" },
        });
        var user = (await PurserApi.CreatedAsync(op, "/ops/users", new { billingAccountId = account.GetProperty("id").GetGuid(), email = "leak@test.purser" }))
            .GetProperty("id").GetGuid();
        var leaked = await PurserApi.CreatedAsync(op, "/ops/tokens", new { userId = user, name = "laptop" });
        var kept = await PurserApi.CreatedAsync(op, "/ops/tokens", new { userId = user, name = "ci" });
        using var leakedClient = api.Client(leaked.GetProperty("token").GetString());
        using var keptClient = api.Client(kept.GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.OK, (await leakedClient.GetAsync("/providers/Microsoft.Billing/billingAccounts?api-version=2020-05-01")).StatusCode);

        var key = Guid.NewGuid().ToString();
        using var revoked = await PurserApi.PostAsync(op, $"/ops/tokens/{leaked.GetProperty("id").GetGuid()}/revocation", new { }, key);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        using var replay = await PurserApi.PostAsync(op, $"/ops/tokens/{leaked.GetProperty("id").GetGuid()}/revocation", new { }, key);
        Assert.Equal(await revoked.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, (await leakedClient.GetAsync("/providers/Microsoft.Billing/billingAccounts?api-version=2020-05-01")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await keptClient.GetAsync("/providers/Microsoft.Billing/billingAccounts?api-version=2020-05-01")).StatusCode);

        var listed = await op.GetStringAsync($"/ops/users/{user}/tokens");
        var tokens = JsonDocument.Parse(listed).RootElement.GetProperty("value").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        Assert.Equal(["ci", "laptop"], tokens.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(JsonValueKind.String, tokens["laptop"].GetProperty("revokedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, tokens["ci"].GetProperty("revokedAt").ValueKind);
        Assert.DoesNotContain(leaked.GetProperty("token").GetString()!, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(kept.GetProperty("token").GetString()!, listed, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", listed, StringComparison.OrdinalIgnoreCase);

        using var unknown = await PurserApi.PostAsync(op, $"/ops/tokens/{Guid.NewGuid()}/revocation", new { });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await op.GetAsync($"/ops/users/{Guid.NewGuid()}/tokens")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_token_revoked_on_another_server_stops_working_here_within_the_cache_lifetime(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine);
        await using var peer = await api.StartPeerAsync();
        using var op = api.Operator();
        var user = (await PurserApi.CreatedAsync(op, "/ops/users", new { email = "peer@test.purser", isOperator = true })).GetProperty("id").GetGuid();
        var leaked = await PurserApi.CreatedAsync(op, "/ops/tokens", new { userId = user, name = "laptop" });
        using var here = api.Client(leaked.GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync($"/ops/users/{user}/tokens")).StatusCode);

        using var peerOperator = PurserApi.Client(peer.Urls.First(), api.OperatorToken);
        using var revoked = await PurserApi.PostAsync(peerOperator, $"/ops/tokens/{leaked.GetProperty("id").GetGuid()}/revocation", new { });
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);

        api.Clock.Advance(CallerCache.Lifetime);
        Assert.Equal(HttpStatusCode.Unauthorized, (await here.GetAsync($"/ops/users/{user}/tokens")).StatusCode);
    }
}
