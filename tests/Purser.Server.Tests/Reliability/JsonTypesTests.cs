using System.Net;
using System.Text;
using System.Text.Json;
using Purser.Engine;
using Purser.Testing;

namespace Purser.Server.Tests.Reliability;

/// <summary>A number or a boolean sent as a string is refused with an ARM error naming the field, in the API's words, not .NET's.</summary>
public class JsonTypesTests
{
    public static TheoryData<string, string> Mistyped => new()
    {
        { """{"billingProfileId":"{profile}","amount":"10.00","description":"support"}""", "amount" },
        { """{"billingProfileId":"{profile}","amount":10.00,"description":"support","creditEligible":"false"}""", "creditEligible" },
        { """{"billingProfileId":"{profile}","amount":1e2,"description":"support","creditEligible":1}""", "creditEligible" },
    };

    [Theory]
    [MemberData(nameof(Mistyped))]
    public async Task Strings_for_numbers_and_booleans_are_refused_naming_the_field(string body, string field)
    {
        await using var api = await PurserApi.StartAsync(StorageEngine.Sqlite);
        using var op = api.Operator();
        var account = await PurserApi.CreatedAsync(op, "/ops/billingAccounts", new
        {
            displayName = "Typed", agreementType = "MicrosoftCustomerAgreement", accountType = "Enterprise", soldTo = new { addressLine1 = "1 Way", country = "US" },
        });
        var profile = await PurserApi.CreatedAsync(op, "/ops/billingProfiles", new { billingAccountId = account.GetProperty("id").GetGuid(), displayName = "P", currency = "USD" });
        var request = new HttpRequestMessage(HttpMethod.Post, "/ops/charges")
        {
            Content = new StringContent(body.Replace("{profile}", profile.GetProperty("id").GetString(), StringComparison.Ordinal), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        using var response = await op.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(text).RootElement.GetProperty("error");
        Assert.Equal(field, error.GetProperty("target").GetString());
        Assert.Contains($"'{field}'", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Purser.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
    }
}
