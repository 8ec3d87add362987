using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Purser.Engine;
using Purser.Engine.Accounts;
using Purser.Testing;

namespace Purser.Server.Tests.Reliability;

/// <summary>An Idempotency-Key is one caller's: two operators who happen to send the same key each get their own charge, grant, payment and refund.</summary>
public class IdempotencyScopeTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Two_operators_sending_the_same_key_each_make_their_own_change(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine);
        using var first = api.Operator();
        var commands = api.Services.GetRequiredService<AccountCommands>();
        var other = await commands.CreateUserAsync(new NewUser(null, "second-operator@test.purser", null, null, null, null, null, true, null), default);
        using var second = api.Client((await commands.CreateTokenAsync(new NewApiToken(other.Value.Id, "second", null), default)).Value.Token);

        var account = await PurserApi.CreatedAsync(first, "/ops/billingAccounts", new
        {
            displayName = "Shared keys", agreementType = "MicrosoftOnlineServicesProgram", accountType = "Individual", soldTo = new { addressLine1 = "1 Way", country = "CN" },
        });
        var profile = (await PurserApi.CreatedAsync(first, "/ops/billingProfiles", new { billingAccountId = account.GetProperty("id").GetGuid(), displayName = "P", currency = "CNY" }))
            .GetProperty("id").GetGuid();
        var prepaid = (await PurserApi.CreatedAsync(first, "/ops/subscriptions", new { billingProfileId = profile, displayName = "Prepaid", offerType = "StandardPrepaid" }))
            .GetProperty("id").GetGuid();

        var refunded = (await PurserApi.CreatedAsync(first, "/ops/charges", new { billingProfileId = profile, amount = 50m, description = "Refunded twice" }))
            .GetProperty("id").GetGuid();

        var calls = new (string Path, Func<int, object> Body, decimal Base)[]
        {
            ("/ops/credits", n => new { billingProfileId = profile, amount = 100m + n }, 100m),
            ("/ops/charges", n => new { billingProfileId = profile, amount = 10m + n, description = $"Support {n}" }, 10m),
            ("/ops/payments", n => new { subscriptionId = prepaid, amount = 1000m + n }, 1000m),
            ($"/ops/charges/{refunded}/refunds", n => new { amount = 1m + n }, 1m),
        };
        foreach (var (path, body, amount) in calls)
        {
            var key = "shared-key-" + path;
            using var mine = await PurserApi.PostAsync(first, path, body(1), key);
            using var theirs = await PurserApi.PostAsync(second, path, body(2), key);
            var (mineText, theirsText) = (await mine.Content.ReadAsStringAsync(), await theirs.Content.ReadAsStringAsync());

            Assert.True(mine.StatusCode == HttpStatusCode.Created, mineText);
            Assert.True(theirs.StatusCode == HttpStatusCode.Created, $"{path}: {theirsText}");
            Assert.False(theirs.Headers.Contains("Idempotent-Replayed"), $"{path}: the second operator's call was answered as a replay");
            Assert.NotEqual(Id(mineText), Id(theirsText));
            Assert.Equal(amount + 2m, Amount(theirsText));

            using var replay = await PurserApi.PostAsync(second, path, body(2), key);
            Assert.Equal(Id(theirsText), Id(await replay.Content.ReadAsStringAsync()));
        }
    }

    private static string Id(string json) => JsonDocument.Parse(json).RootElement.GetProperty("id").ToString();

    private static decimal Amount(string json) => JsonDocument.Parse(json).RootElement.GetProperty("amount").GetDecimal();
}
