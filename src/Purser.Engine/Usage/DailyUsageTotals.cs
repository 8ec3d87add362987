namespace Purser.Engine.Usage;

/// <summary>
/// What a batch adds to the daily aggregates: the quantity of its newly stored events per (subscription, meter, day),
/// summed in decimal in memory so each aggregate is written once per batch, in key order (the order rating locks them in).
/// </summary>
internal sealed class DailyUsageTotals
{
    private readonly Dictionary<(Guid Subscription, Guid Meter, DateOnly Day), (Guid Account, decimal Quantity)> _days = [];

    public int Count => _days.Count;

    public void Add(ValidatedUsage usage)
    {
        var key = (usage.SubscriptionId, usage.MeterId, usage.UsageDate);
        _days[key] = (usage.BillingAccountId, _days.GetValueOrDefault(key).Quantity + usage.Quantity);
    }

    public IEnumerable<(Guid Subscription, Guid Meter, DateOnly Day, Guid Account, decimal Quantity)> InKeyOrder() =>
        _days.OrderBy(d => d.Key.Subscription).ThenBy(d => d.Key.Meter).ThenBy(d => d.Key.Day)
            .Select(d => (d.Key.Subscription, d.Key.Meter, d.Key.Day, d.Value.Account, d.Value.Quantity));
}
