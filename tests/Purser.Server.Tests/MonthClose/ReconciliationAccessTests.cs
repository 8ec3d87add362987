using System.Net;
using Purser.Engine;
using Purser.Engine.Access;
using Purser.Server.Tests.Arm;
using Purser.Testing;
using static Purser.Server.Tests.MonthClose.PartnerWorld;

namespace Purser.Server.Tests.MonthClose;

/// <summary>R-RECON through /downloads: the partner's own staff get the operator's file byte for byte; anyone else learns nothing.</summary>
public class ReconciliationAccessTests
{
    private static DateOnly D(int month, int day) => new(2017, month, day);

    private const string June = $"/downloads/reconciliation.csv?partnerId={PartnerId}&period=2017-06";

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Partner_staff_download_the_operators_bytes_and_other_partners_and_customers_get_404(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, new DateTimeOffset(2017, 7, 1, 0, 0, 0, TimeSpan.Zero));
        var world = await BuildAsync(api, "America/Los_Angeles", D(7, 1), 11m);
        var subscription = await world.LicenseAsync(D(7, 15), 10);
        using (var op = api.Operator())
            await PurserApi.CreatedAsync(op, "/ops/partners", new { id = "CSP-2", companyName = "Northwind Reseller", billingDay = 15 });
        var staff = await StaffTokenAsync(api, PartnerId);
        var otherPartner = await StaffTokenAsync(api, "CSP-2");
        var customer = await ConsumptionCallers.TokenAsync(api, world.AccountId, BillingRole.BillingAccountOwner, world.AccountId);
        world.At(D(7, 15), 0, 20);
        var invoice = await world.CloseAsync("2017-06");

        using var operatorClient = api.Operator();
        var operatorFile = await operatorClient.GetAsync(June);
        Assert.Equal(HttpStatusCode.OK, operatorFile.StatusCode);
        var expected = await operatorFile.Content.ReadAsByteArrayAsync();
        using var staffClient = api.Client(staff);
        var staffFile = await staffClient.GetAsync(June);
        Assert.Equal(HttpStatusCode.OK, staffFile.StatusCode);
        Assert.Equal($"reconciliation_{PartnerId}_2017-06.csv", staffFile.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(expected, await staffFile.Content.ReadAsByteArrayAsync());
        Assert.Equal(await world.ReconTextAsync("2017-06"), await staffFile.Content.ReadAsStringAsync());
        ReconChecks.Rows(ReconRow.Parse(await staffFile.Content.ReadAsStringAsync()), subscription, NumberOf(invoice),
            new Line("prepaid", 10m, 11m, D(7, 15), D(8, 14), 110.00m));

        foreach (var outsider in new[] { otherPartner, customer })
        {
            using var client = api.Client(outsider);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(June)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/downloads/reconciliation.csv?partnerId={PartnerId}&period=2017-13")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await staffClient.GetAsync("/downloads/reconciliation.csv?partnerId=CSP-2&period=2017-06")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staffClient.GetAsync($"/downloads/reconciliation.csv?partnerId={PartnerId}&period=2017-13")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await operatorClient.GetAsync($"/downloads/reconciliation.csv?partnerId={PartnerId}&period=June")).StatusCode);
    }

    /// <summary>A token for a new user on the staff of <paramref name="partnerId"/>.</summary>
    private static async Task<string> StaffTokenAsync(PurserApi api, string partnerId)
    {
        using var op = api.Operator();
        var user = await PurserApi.CreatedAsync(op, "/ops/users", new { email = $"staff-{Guid.NewGuid():N}@{partnerId.ToLowerInvariant()}.example", partnerId });
        return (await PurserApi.CreatedAsync(op, "/ops/tokens", new { userId = user.GetProperty("id").GetGuid(), name = "recon" })).GetProperty("token").GetString()!;
    }
}
