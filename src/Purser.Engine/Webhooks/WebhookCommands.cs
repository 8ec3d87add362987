using Microsoft.EntityFrameworkCore;
using Purser.Core;
using Purser.Engine.Accounts;
using Purser.Engine.Credits;
using Purser.Engine.Notifications;
using Purser.Engine.Storage;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Webhooks;

/// <summary>The operator's webhook endpoints (R-WEBHOOK): register, list, remove, read the delivery log, redeliver.</summary>
public sealed class WebhookCommands(PurserStore store, TimeProvider clock)
{
    public const int MaxUrlLength = 2048;
    private const int MaxDescriptionLength = 400;
    public const int MaxLogEntries = 1000;

    public async Task<Outcome<WebhookRegistered>> RegisterAsync(NewWebhook input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (InputRules.First(UrlRule(input.Url), TypesRule(input.EventTypes), InputRules.Optional(input.Description, "description", MaxDescriptionLength)) is { } invalid)
            return invalid;
        var endpoint = new WebhookEndpoint
        {
            Id = Guid.NewGuid(), Url = input.Url!, EventTypes = string.Join(',', input.EventTypes!.Distinct(StringComparer.Ordinal)),
            Secret = WebhookSignature.NewSecret(), Description = input.Description, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using var db = store.CreateContext();
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync(ct);
        return new WebhookRegistered(endpoint.Id, endpoint.Url, Types(endpoint), endpoint.Description, LedgerMapping.Utc(endpoint.CreatedAt), endpoint.Secret);
    }

    public async Task<IReadOnlyList<WebhookView>> ListAsync(CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var rows = await db.WebhookEndpoints.AsNoTracking().Where(e => e.RemovedAt == null).OrderBy(e => e.CreatedAt).ToListAsync(ct);
        return [.. rows.Select(View)];
    }

    public async Task<Outcome<WebhookView>> GetAsync(Guid id, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        return await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is { } row ? View(row) : Missing(id);
    }

    /// <summary>Stops new events and pending retries to the endpoint; its delivery log stays readable.</summary>
    public async Task<Outcome<WebhookView>> RemoveAsync(Guid id, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        if (await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id, ct) is not { } row)
            return Missing(id);
        row.RemovedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return View(row);
    }

    /// <summary>The endpoint's deliveries, newest event first.</summary>
    public async Task<Outcome<IReadOnlyList<WebhookDeliveryView>>> DeliveriesAsync(Guid id, int? top, CancellationToken ct)
    {
        if (top is < 1 or > MaxLogEntries)
            return new Refusal(RefusalCode.InvalidField, $"'top' must be between 1 and {MaxLogEntries}.", "top");
        await using var db = store.CreateContext();
        if (!await db.WebhookEndpoints.AnyAsync(e => e.Id == id, ct))
            return Missing(id);
        var rows = await db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == id)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(top ?? 100).ToListAsync(ct);
        return Outcome<IReadOnlyList<WebhookDeliveryView>>.Accept([.. rows.Select(DeliveryView)]);
    }

    /// <summary>Sends the delivery again, now, with the same event id and body: after a fix on the receiver's side, or to replay one it lost.</summary>
    public async Task<Outcome<WebhookDeliveryView>> RedeliverAsync(Guid id, long deliveryId, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        if (await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is not { } endpoint)
            return Missing(id);
        if (endpoint.RemovedAt is not null)
            return new Refusal(RefusalCode.Conflict, $"Webhook '{id}' was removed; it receives no deliveries.", "webhookId");
        if (await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == deliveryId && d.EndpointId == id, ct) is not { } delivery)
            return InputRules.NotFound("Delivery", "deliveryId", deliveryId);
        delivery.DeliveredAt = null;
        delivery.GaveUpAt = null;
        delivery.NextAttemptAt = clock.GetUtcNow().UtcDateTime;
        delivery.LeaseUntil = null;
        await db.SaveChangesAsync(ct);
        return DeliveryView(delivery);
    }

    private static Refusal? UrlRule(string? url) =>
        InputRules.Required(url, "url", MaxUrlLength)
        ?? (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.UserInfo.Length == 0
            ? null
            : new Refusal(RefusalCode.InvalidField, "'url' must be an absolute http or https URL without credentials.", "url"));

    private static Refusal? TypesRule(IReadOnlyList<string>? types)
    {
        if (types is null || types.Count == 0)
            return new Refusal(RefusalCode.MissingField, "'eventTypes' is required: a list of event types, or [\"*\"] for every type.", "eventTypes");
        for (var i = 0; i < types.Count; i++)
            if (types[i] != WebhookEventTypes.Every && !WebhookEventTypes.All.Contains(types[i]))
                return new Refusal(RefusalCode.InvalidField,
                    $"'eventTypes[{i}]' must be \"*\" or one of: {string.Join(", ", WebhookEventTypes.All)}.", $"eventTypes[{i}]");
        return null;
    }

    private static Refusal Missing(Guid id) => InputRules.NotFound("Webhook", "webhookId", id);

    internal static IReadOnlyList<string> Types(WebhookEndpoint e) => e.EventTypes.Split(',');

    private static WebhookView View(WebhookEndpoint e) =>
        new(e.Id, e.Url, Types(e), e.Description, LedgerMapping.Utc(e.CreatedAt), e.RemovedAt is { } r ? LedgerMapping.Utc(r) : null);

    private static WebhookDeliveryView DeliveryView(WebhookDelivery d) => new(
        d.Id, d.EventId, d.EventType, LedgerMapping.Utc(d.CreatedAt),
        DeliveryStatuses.Of(d.DeliveredAt, d.GaveUpAt),
        d.Attempts, d.LastAttemptAt is { } a ? LedgerMapping.Utc(a) : null, d.LastStatusCode, d.LastError,
        d.DeliveredAt is { } at ? LedgerMapping.Utc(at) : null,
        d.DeliveredAt is null && d.GaveUpAt is null ? LedgerMapping.Utc(d.NextAttemptAt) : null);
}
