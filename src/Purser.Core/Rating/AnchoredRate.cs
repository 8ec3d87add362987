using Purser.Core.Monetary;

namespace Purser.Core.Rating;

/// <summary>
/// The anchor rule, R-PRICE-UP/DOWN/NEW together: usage at time t in cycle C of subscription
/// S is rated at min(rate(anchor), rate(t)) with anchor = max(C.start, S.created). A
/// subscription keeps the price it started the cycle with, unless the price has since fallen.
/// </summary>
public static class AnchoredRate
{
    public static DateTimeOffset Anchor(DateTimeOffset cycleStart, DateTimeOffset subscriptionCreated) =>
        cycleStart > subscriptionCreated ? cycleStart : subscriptionCreated;

    /// <summary>The unit price for usage at <paramref name="usageAt"/>, or null when the meter had no price then.</summary>
    public static Money? For(PriceSchedule prices, DateTimeOffset cycleStart, DateTimeOffset subscriptionCreated, DateTimeOffset usageAt)
    {
        var atUsage = prices.RateAt(usageAt);
        var atAnchor = prices.RateAt(Anchor(cycleStart, subscriptionCreated));
        return (atAnchor, atUsage) switch
        {
            ({ } anchored, { } current) => Money.Min(anchored, current),
            // A meter first priced mid-cycle has no anchored rate; its usage takes the price it has.
            (null, var current) => current,
            ({ }, null) => throw new InvalidOperationException("A meter cannot lose its price."),
        };
    }
}
