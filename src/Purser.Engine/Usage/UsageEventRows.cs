using System.Linq.Expressions;
using System.Text.Json;
using Purser.Engine.Credits;
using Purser.Engine.Storage;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Usage;

/// <summary>A stored usage event with its meter, as read for a usage detail line.</summary>
internal sealed record UsageEventRow(
    string Source, string EventId, Guid SubscriptionId, Guid MeterId, string MeterName, string MeterCategory, string? MeterSubCategory,
    string Unit, bool CreditEligible, decimal Quantity, DateTime Timestamp, string? ResourceId, string? Tags)
{
    public UsageDetailLine ToLine(UsageScopeMembers members, UsagePrices prices)
    {
        var subscription = members.Subscriptions[SubscriptionId];
        var profile = members.Profiles[subscription.ProfileId];
        var at = LedgerMapping.Utc(Timestamp);
        var day = profile.Zone.DayOf(at);
        var cycle = profile.Calendar.PeriodContaining(day);
        var price = prices.UnitPrice(profile, subscription, MeterId, day);
        var owner = new UsageDetailOwner(subscription.Id, subscription.DisplayName, profile.Id, profile.Name, profile.DisplayName,
            members.AccountId, members.AccountName, members.AccountDisplayName);
        return new UsageDetailLine(Source, EventId, owner, new UsageDetailMeter(MeterId, MeterName, MeterCategory, MeterSubCategory, Unit, CreditEligible),
            Quantity, at, day, cycle.Start, cycle.End, ResourceId, ParseTags(Tags), profile.Currency,
            price?.Amount, price is { } p ? p.Amount * Quantity : null);
    }

    private static Dictionary<string, string> ParseTags(string? json) =>
        json is null ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
}

internal static class UsageEventRows
{
    /// <summary>The scope's events passing <paramref name="window"/>, by timestamp and then arrival (the row id).</summary>
    public static IQueryable<UsageEventRow> Ordered(PurserDbContext db, UsageScopeMembers members, Expression<Func<UsageEvent, bool>> window) =>
        from e in db.UsageEvents.Where(e => e.BillingAccountId == members.AccountId).Where(window)
        join m in db.Meters on e.MeterId equals m.Id
        orderby e.Timestamp, e.Id
        select new UsageEventRow(e.Source, e.EventId, e.SubscriptionId, e.MeterId, m.Name, m.Category, m.SubCategory, m.Unit, m.CreditEligible,
            e.Quantity, e.Timestamp, e.ResourceId, e.Tags);
}
