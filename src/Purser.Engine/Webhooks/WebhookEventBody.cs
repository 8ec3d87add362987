using System.Text.Json;
using Purser.Engine.Credits;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Webhooks;

/// <summary>
/// A webhook's JSON body, made from the outbox row alone, so every attempt of an event sends the same bytes.
/// <c>resourceId</c> is what the event is about (a subscription, a meter); <c>summary</c> and <c>description</c> say it in words;
/// <c>data</c> holds the event's facts where it has them (a lifecycle transition's, <see cref="Lifecycle.LifecycleEventData"/>).
/// </summary>
internal sealed record WebhookEventBody(
    Guid Id, string Type, DateTimeOffset CreatedAt, Guid? BillingAccountId, string ResourceId, string Summary, string Description, JsonElement? Data)
{
    private static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web);

    public static string Json(OutboxMessage m) =>
        JsonSerializer.Serialize(new WebhookEventBody(m.MessageId, m.Kind, LedgerMapping.Utc(m.CreatedAt), m.BillingAccountId, m.Recipient, m.Subject, m.Body,
            m.Data is null ? null : JsonSerializer.Deserialize<JsonElement>(m.Data)), Wire);
}
