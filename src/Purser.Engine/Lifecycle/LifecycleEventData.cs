using System.Text.Json;
using System.Text.Json.Serialization;
using Purser.Core.Lifecycle;

namespace Purser.Engine.Lifecycle;

/// <summary>
/// A lifecycle transition's facts as its outbox event carries them: what the notices and webhooks of the event say is
/// fixed when it happens, whatever the subscription does next. <see cref="DeletionDueAt"/> is set on a transition to
/// Disabled of a prepaid subscription: the instant its data goes (R-DELETE-90, R-TRIAL).
/// </summary>
public sealed record LifecycleEventData(
    Guid SubscriptionId, Guid BillingProfileId, string DisplayName, SubscriptionState From, SubscriptionState To, TransitionReason Reason,
    OfferType Offer, DateTimeOffset At, DateTimeOffset? DeletionDueAt)
{
    private static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public string Json() => JsonSerializer.Serialize(this, Wire);

    public static LifecycleEventData? Parse(string? json) => json is null ? null : JsonSerializer.Deserialize<LifecycleEventData>(json, Wire);
}
