using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Purser.Engine;
using Purser.Engine.Rating;
using Purser.Testing;

namespace Purser.Server.Tests.Usage;

/// <summary>One billing profile that cannot be rated is reported by the pass and never stops the profiles after it.</summary>
public class IsolatedProfileFailureTests
{
    private static readonly DateTimeOffset Now = new(2024, 5, 10, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_profile_whose_ledger_cannot_load_is_reported_and_every_other_profile_is_rated(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, Now);
        var broken = await UsageFixture.CreateAsync(api);
        var healthy = await UsageFixture.CreateAsync(api);
        await using (var db = api.Database.Store.CreateContext())
            // A currency code no build knows: loading this profile's ledger throws, as any corrupt row would.
            await db.BillingProfiles.Where(p => p.Id == broken.ProfileId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Currency, "ZZZ"));
        using var op = api.Operator();
        foreach (var f in new[] { broken, healthy })
        {
            await PurserApi.CreatedAsync(op, $"/ops/meters/{f.MeterId}/prices", new { currency = "CNY", unitPrice = 0.5m, effectiveFrom = Now.AddDays(-30) });
            var batch = new { source = "rp.compute", events = new[] { f.Event($"e-{f.SubscriptionId:N}", 4m, Now.AddHours(-1)) } };
            (await PurserApi.PostAsync(op, "/ops/usage", batch)).EnsureSuccessStatusCode();
        }

        var pass = await api.Services.GetRequiredService<UsageRating>().RatePendingAsync(CancellationToken.None);

        var failure = Assert.Single(pass.Failed);
        Assert.Equal(broken.ProfileId, failure.BillingProfileId);
        Assert.Contains("ZZZ", failure.Reason, StringComparison.Ordinal);
        await using var read = api.Database.Store.CreateContext();
        var days = await read.UsageDailyAggregates.AsNoTracking().ToListAsync();
        Assert.All(days.Where(d => d.SubscriptionId == healthy.SubscriptionId), d => Assert.Equal(d.Quantity, d.RatedQuantity));
        Assert.All(days.Where(d => d.SubscriptionId == broken.SubscriptionId), d => Assert.Equal(0m, d.RatedQuantity));
        Assert.Single(await read.Charges.AsNoTracking().Where(c => c.SubscriptionId == healthy.SubscriptionId).ToListAsync());
    }
}
