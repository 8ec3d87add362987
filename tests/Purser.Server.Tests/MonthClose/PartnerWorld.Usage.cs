using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Purser.Engine.Rating;
using Purser.Testing;

namespace Purser.Server.Tests.MonthClose;

/// <summary>A usage event as a resource provider reports it: <paramref name="At"/> is an instant, usually made with <see cref="PartnerWorld.Local"/>.</summary>
public sealed record UsageAt(string EventId, Guid SubscriptionId, decimal Quantity, DateTimeOffset At);

/// <summary>Usage-based subscriptions of the partner world: metered products, their price versions, usage reported through POST /ops/usage and rated.</summary>
public sealed partial class PartnerWorld
{
    /// <summary>A usage meter priced at <paramref name="unitPrice"/> from now on.</summary>
    public async Task<Guid> UsageMeterAsync(string name, decimal unitPrice, bool creditEligible = true)
    {
        using var op = Api.Operator();
        var meter = (await PurserApi.CreatedAsync(op, "/ops/meters", new { name, category = "Compute", unit = "1 Hour", creditEligible })).GetProperty("id").GetGuid();
        await PurserApi.CreatedAsync(op, $"/ops/meters/{meter}/prices", new { currency = "USD", unitPrice });
        return meter;
    }

    /// <summary>Announces a price version now; the answer is the API's, accepted or not.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> AnnouncePriceAsync(Guid meter, decimal unitPrice, DateTimeOffset effectiveFrom)
    {
        using var op = Api.Operator();
        var response = await PurserApi.PostAsync(op, $"/ops/meters/{meter}/prices", new { currency = "USD", unitPrice, effectiveFrom });
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    /// <summary>A UsageBased subscription sold by the partner, created now.</summary>
    public async Task<Guid> UsageBasedAsync(string displayName)
    {
        using var op = Api.Operator();
        return (await PurserApi.CreatedAsync(op, "/ops/subscriptions", new
        {
            billingProfileId = ProfileId, displayName, offerType = "UsageBased", partnerId = PartnerId,
        })).GetProperty("id").GetGuid();
    }

    /// <summary>Reports one batch of usage on <paramref name="meter"/> and answers the ingestion result as given.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> ReportAsync(Guid meter, params UsageAt[] events)
    {
        using var op = Api.Operator();
        var response = await op.PostAsJsonAsync("/ops/usage", new
        {
            source = "rp.compute",
            events = events.Select(e => new { eventId = e.EventId, subscriptionId = e.SubscriptionId, meterId = meter, quantity = e.Quantity, timestamp = e.At }),
        });
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    /// <summary>Reports one batch that must be accepted whole, then rates it as the rating worker would.</summary>
    public async Task UsageAsync(Guid meter, params UsageAt[] events)
    {
        var (status, body) = await ReportAsync(meter, events);
        Assert.True(status == HttpStatusCode.OK && body.GetProperty("accepted").GetInt32() == events.Length, $"{(int)status}: {body}");
        await RateAsync();
    }

    /// <summary>One rating pass over everything unrated, the pass the rating worker runs.</summary>
    public Task<RatingPass> RateAsync() => Api.Services.GetRequiredService<UsageRating>().RatePendingAsync(CancellationToken.None);
}
