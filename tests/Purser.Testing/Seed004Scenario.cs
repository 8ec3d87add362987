using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Purser.Testing;

/// <summary>
/// Seed 004's credit example built through the operator API alone: two 500.00 USD lots from
/// 2019-09-18, a 2.13 charge invoiced in September's period (current balance 997.87), then a
/// pending 1.74 charge on 2019-10-11 (estimated 996.13).
/// </summary>
public sealed record Seed004Scenario(string AccountName, string ProfileName, Guid AccountId, Guid ProfileId, string InvoiceNumber, string ReaderToken)
{
    public static readonly DateTimeOffset Granted = new(2019, 9, 18, 21, 47, 31, TimeSpan.Zero);

    public static async Task<Seed004Scenario> LoadAsync(PurserApi api)
    {
        ArgumentNullException.ThrowIfNull(api);
        using var op = api.Operator();
        api.AdvanceClockTo(Granted);
        var account = await PurserApi.CreatedAsync(op, "/ops/billingAccounts", new
        {
            displayName = "Contoso", agreementType = "MicrosoftCustomerAgreement", accountType = "Enterprise",
            soldTo = new { addressLine1 = "AddressLine1", city = "City", region = "Region", postalCode = "98052", country = "US", companyName = "Contoso" },
        });
        var accountId = account.GetProperty("id").GetGuid();
        var profile = await PurserApi.CreatedAsync(op, "/ops/billingProfiles", new { billingAccountId = accountId, displayName = "Development", currency = "USD", invoiceDay = 5 });
        var profileId = profile.GetProperty("id").GetGuid();
        for (var i = 0; i < 2; i++)
            await PurserApi.CreatedAsync(op, "/ops/credits", new { billingProfileId = profileId, amount = 500.00m, source = "Azure Promotional Credit", startDate = Granted, expirationDate = Granted.AddYears(1).AddSeconds(-1) });

        await PurserApi.CreatedAsync(op, "/ops/charges", new { billingProfileId = profileId, amount = 2.13m, description = "Credit eligible charges as of 09/30/2019", chargedAt = new DateTimeOffset(2019, 9, 30, 12, 0, 0, TimeSpan.Zero) });
        api.AdvanceClockTo(new DateTimeOffset(2019, 10, 5, 1, 0, 0, TimeSpan.Zero));
        var invoice = await PurserApi.CreatedAsync(op, "/ops/billingRuns", new { billingProfileId = profileId, periodStart = "2019-09-05", periodEnd = "2019-10-04" });

        api.AdvanceClockTo(new DateTimeOffset(2019, 10, 11, 12, 0, 0, TimeSpan.Zero));
        await PurserApi.CreatedAsync(op, "/ops/charges", new { billingProfileId = profileId, amount = 1.74m, description = "Credit eligible charges as of 10/11/2019", chargedAt = new DateTimeOffset(2019, 10, 11, 8, 0, 0, TimeSpan.Zero) });

        var reader = await PurserApi.CreatedAsync(op, "/ops/users", new { billingAccountId = accountId, email = $"reader-{Guid.NewGuid():N}@contoso.com" });
        await PurserApi.CreatedAsync(op, "/ops/roleAssignments", new { userId = reader.GetProperty("id").GetGuid(), role = "BillingProfileReader", scopeId = profileId });
        var token = await PurserApi.CreatedAsync(op, "/ops/tokens", new { userId = reader.GetProperty("id").GetGuid(), name = "compat" });

        return new Seed004Scenario(account.GetProperty("name").GetString()!, profile.GetProperty("name").GetString()!, accountId, profileId,
            invoice.GetProperty("invoiceNumber").GetString()!, token.GetProperty("token").GetString()!);
    }
}
