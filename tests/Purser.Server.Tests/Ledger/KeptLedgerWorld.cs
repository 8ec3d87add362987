using Microsoft.Extensions.DependencyInjection;
using Purser.Engine.Lifecycle;
using Purser.Testing;

namespace Purser.Server.Tests.Ledger;

/// <summary>
/// A Los Angeles profile's credit history across a DST change: grants, charges minutes either side of
/// local midnight, an invoice that settles some of them, a later charge, the expiry of a short lot, and a charge larger than the credit left. Every kept figure is written by the same calls users make.
/// </summary>
internal sealed record KeptLedgerWorld(Guid ProfileId)
{
    public static readonly TimeSpan Pacific = TimeSpan.FromHours(-8);

    public static async Task<KeptLedgerWorld> BuildAsync(PurserApi api)
    {
        using var op = api.Operator();
        api.AdvanceClockTo(new DateTimeOffset(2024, 3, 1, 9, 0, 0, Pacific));
        var account = await PurserApi.CreatedAsync(op, "/ops/billingAccounts", new
        {
            displayName = "Pacific Works", agreementType = "MicrosoftCustomerAgreement", accountType = "Enterprise",
            soldTo = new { addressLine1 = "1 Market St", country = "US" },
        });
        var profile = await PurserApi.CreatedAsync(op, "/ops/billingProfiles", new
        {
            billingAccountId = account.GetProperty("id").GetGuid(), displayName = "West", currency = "USD", invoiceDay = 10, timeZone = "America/Los_Angeles",
        });
        var profileId = profile.GetProperty("id").GetGuid();
        var start = new DateTimeOffset(2024, 3, 1, 9, 0, 0, Pacific);
        await PurserApi.CreatedAsync(op, "/ops/credits", new { billingProfileId = profileId, amount = 100.00m, startDate = start, expirationDate = start.AddDays(12) });
        await PurserApi.CreatedAsync(op, "/ops/credits", new { billingProfileId = profileId, amount = 250.00m, startDate = start, expirationDate = start.AddYears(1) });

        // 23:55 and 00:05 local around the 9th/10th (DST starts at 02:00 on the 10th) and the 10th/11th.
        DateTimeOffset[] edges =
        [
            new(2024, 3, 9, 23, 55, 0, Pacific), new(2024, 3, 10, 0, 5, 0, Pacific),
            new(2024, 3, 10, 23, 55, 0, TimeSpan.FromHours(-7)), new(2024, 3, 11, 0, 5, 0, TimeSpan.FromHours(-7)),
        ];
        var n = 0;
        foreach (var at in edges)
        {
            api.AdvanceClockTo(at.AddMinutes(1));
            await PurserApi.CreatedAsync(op, "/ops/charges", new { billingProfileId = profileId, amount = 12.34m + n, description = $"Compute {++n}", chargedAt = at });
        }
        api.AdvanceClockTo(new DateTimeOffset(2024, 3, 12, 0, 20, 0, TimeSpan.FromHours(-7)));
        await PurserApi.CreatedAsync(op, "/ops/billingRuns", new { billingProfileId = profileId, periodStart = "2024-02-10", periodEnd = "2024-03-09" });

        api.AdvanceClockTo(new DateTimeOffset(2024, 3, 20, 10, 0, 0, TimeSpan.FromHours(-7)));
        await api.Services.GetRequiredService<LifecycleSweep>().RunAsync(CancellationToken.None);
        await PurserApi.CreatedAsync(op, "/ops/charges", new { billingProfileId = profileId, amount = 7.77m, description = "Storage", chargedAt = new DateTimeOffset(2024, 3, 19, 23, 58, 0, TimeSpan.FromHours(-7)) });
        await PurserApi.CreatedAsync(op, "/ops/charges", new { billingProfileId = profileId, amount = 400.00m, description = "Big job", chargedAt = new DateTimeOffset(2024, 3, 20, 0, 2, 0, TimeSpan.FromHours(-7)) });
        return new KeptLedgerWorld(profileId);
    }
}
