using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Purser.Core;
using Purser.Core.Calendar;
using Purser.Core.Lifecycle;
using Purser.Engine.Storage;

namespace Purser.Engine.Usage;

/// <summary>Checks every event of a batch against the catalog and the subscriptions, and lists each problem with its event.</summary>
internal static class UsageValidation
{
    /// <summary>What an event is checked against; <paramref name="EndedAt"/> is when a cancelled subscription stopped running.</summary>
    private sealed record SubscriptionFacts(Guid BillingAccountId, SubscriptionState State, DateTime? EndedAt, BillingTimeZone Zone);

    private sealed record SubscriptionRow(Guid Id, Guid BillingAccountId, SubscriptionState State, DateTime? EndedAt, string TimeZone);

    private static readonly CompiledPerEngine<Func<PurserDbContext, List<Guid>, IAsyncEnumerable<SubscriptionRow>>> Subscriptions = new(() =>
        EF.CompileAsyncQuery((PurserDbContext db, List<Guid> ids) =>
            from s in db.Subscriptions.AsNoTracking()
            join p in db.BillingProfiles.AsNoTracking() on s.BillingProfileId equals p.Id
            where ids.Contains(s.Id)
            select new SubscriptionRow(s.Id, s.BillingAccountId, s.State, s.EndedAt, p.TimeZone)));

    public static async Task<(List<ValidatedUsage> Valid, List<UsageEventError> Errors)> CheckAsync(
        PurserDbContext db, KnownMeters knownMeters, IReadOnlyList<UsageEventInput?> events, DateTimeOffset now, CancellationToken ct)
    {
        var subscriptionIds = events.Select(e => e?.SubscriptionId).OfType<Guid>().Distinct().ToList();
        var meterIds = events.Select(e => e?.MeterId).OfType<Guid>().Distinct().ToList();
        var facts = new Dictionary<Guid, SubscriptionFacts>(subscriptionIds.Count);
        await foreach (var s in Subscriptions.For(db)(db, subscriptionIds).WithCancellation(ct))
            facts[s.Id] = new SubscriptionFacts(s.BillingAccountId, s.State, s.EndedAt, BillingTimeZone.Resolve(s.TimeZone));
        var meters = await knownMeters.ExistingAsync(db, meterIds, ct);

        var valid = new List<ValidatedUsage>(events.Count);
        var errors = new List<UsageEventError>();
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var error = Check(i, e, facts, meters, now);
            if (error is not null)
                errors.Add(error);
            else
                valid.Add(Resolve(e!, facts[e!.SubscriptionId!.Value]));
        }
        return (valid, errors);
    }

    private static UsageEventError? Check(int i, UsageEventInput? e, Dictionary<Guid, SubscriptionFacts> facts, IReadOnlySet<Guid> meters, DateTimeOffset now)
    {
        UsageEventError Fail(RefusalCode code, string message, string field) => new(i, e?.EventId, code.Code, message, $"events[{i}].{field}");
        if (e is null)
            return new UsageEventError(i, null, RefusalCode.MissingField.Code, "The event is null.", $"events[{i}]");
        if (string.IsNullOrWhiteSpace(e.EventId))
            return Fail(RefusalCode.MissingField, "'eventId' is required.", "eventId");
        if (e.EventId.Length > UsageLimits.MaxEventIdLength)
            return Fail(RefusalCode.InvalidField, $"'eventId' is longer than {UsageLimits.MaxEventIdLength} characters.", "eventId");
        if (e.SubscriptionId is not { } subscriptionId)
            return Fail(RefusalCode.MissingField, "'subscriptionId' is required.", "subscriptionId");
        if (!facts.TryGetValue(subscriptionId, out var subscription))
            return Fail(RefusalCode.UnknownSubscription, $"Subscription '{subscriptionId}' does not exist.", "subscriptionId");
        if (subscription.State is SubscriptionState.Deleted)
            return Fail(RefusalCode.SubscriptionClosed, $"Subscription '{subscriptionId}' is {subscription.State}; it takes no usage.", "subscriptionId");
        if (e.MeterId is not { } meterId)
            return Fail(RefusalCode.MissingField, "'meterId' is required.", "meterId");
        if (!meters.Contains(meterId))
            return Fail(RefusalCode.UnknownMeter, $"Meter '{meterId}' does not exist.", "meterId");
        if (e.Quantity is not { } quantity)
            return Fail(RefusalCode.MissingField, "'quantity' is required.", "quantity");
        if (quantity < 0m)
            return Fail(RefusalCode.InvalidQuantity, "'quantity' must not be negative.", "quantity");
        if (quantity > UsageLimits.MaxQuantity)
            return Fail(RefusalCode.InvalidQuantity, $"'quantity' must not exceed {UsageLimits.MaxQuantity:N0}.", "quantity");
        if (e.Timestamp is not { } timestamp)
            return Fail(RefusalCode.MissingField, "'timestamp' is required.", "timestamp");
        if (timestamp > now + UsageLimits.MaxFutureSkew)
            return Fail(RefusalCode.TimestampInFuture, $"'timestamp' {timestamp:O} is in the future.", "timestamp");
        if (timestamp < now - UsageLimits.MaxAge)
            return Fail(RefusalCode.TimestampTooOld, $"'timestamp' {timestamp:O} is older than {UsageLimits.MaxAge.TotalDays:0} days.", "timestamp");
        // A cancellation is recorded ahead of its effective day, and usage arrives late: what ran before the end is billed (R-USAGE-CYCLE).
        if (subscription.State is SubscriptionState.Cancelled && !(timestamp.UtcDateTime < subscription.EndedAt))
            return Fail(RefusalCode.SubscriptionClosed, $"Subscription '{subscriptionId}' is Cancelled; it takes no usage from {subscription.EndedAt:O} on.", "subscriptionId");
        if (e.ResourceId is { Length: > UsageLimits.MaxResourceIdLength })
            return Fail(RefusalCode.InvalidField, $"'resourceId' is longer than {UsageLimits.MaxResourceIdLength} characters.", "resourceId");
        if (e.Tags is { Count: > UsageLimits.MaxTags })
            return Fail(RefusalCode.InvalidField, $"At most {UsageLimits.MaxTags} tags are allowed.", "tags");
        if (e.Tags is not null && JsonSerializer.Serialize(e.Tags).Length > UsageLimits.MaxTagsLength)
            return Fail(RefusalCode.InvalidField, $"'tags' serialise to more than {UsageLimits.MaxTagsLength} characters.", "tags");
        return null;
    }

    private static ValidatedUsage Resolve(UsageEventInput e, SubscriptionFacts subscription)
    {
        var timestamp = e.Timestamp!.Value;
        return new ValidatedUsage(e.EventId!, subscription.BillingAccountId, e.SubscriptionId!.Value, e.MeterId!.Value, e.Quantity!.Value,
            timestamp.UtcDateTime, subscription.Zone.DayOf(timestamp), e.ResourceId, e.Tags is null ? null : JsonSerializer.Serialize(e.Tags));
    }
}
