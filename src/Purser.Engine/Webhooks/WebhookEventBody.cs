using System.Text.Json;
using Purser.Engine.Credits;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Webhooks;

/// <summary>
/// A webhook's JSON body, made from the outbox row alone, so every attempt of an event sends the same bytes.
/// <c>resourceId</c> is what the event is about (a subscription, a meter); <c>summary</c> and <c>description</c> say it in words.
/// </summary>
internal sealed record WebhookEventBody(Guid Id, string Type, DateTimeOffset CreatedAt, Guid? BillingAccountId, string ResourceId, string Summary, string Description)
{
    private static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web);

    public static string Json(OutboxMessage m) =>
        JsonSerializer.Serialize(new WebhookEventBody(m.MessageId, m.Kind, LedgerMapping.Utc(m.CreatedAt), m.BillingAccountId, m.Recipient, m.Subject, m.Body), Wire);
}
