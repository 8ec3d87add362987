using Purser.Engine.Webhooks;
using Purser.Server.Hosting;

namespace Purser.Server.Operator;

/// <summary>Operator API: webhook endpoints, their delivery log and manual redelivery (R-WEBHOOK).</summary>
public static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooksApi(this RouteGroupBuilder ops)
    {
        ops.MapPost("/webhooks", async (NewWebhook body, WebhookCommands webhooks, CancellationToken ct) =>
            (await webhooks.RegisterAsync(body, ct)).Created()).WithIdempotencyKey().WithTags(OperatorTags.Webhooks);
        ops.MapGet("/webhooks", async (WebhookCommands webhooks, CancellationToken ct) =>
            TypedResults.Ok(new OperatorList<WebhookView>(await webhooks.ListAsync(ct)))).WithTags(OperatorTags.Webhooks);
        ops.MapGet("/webhooks/{webhookId:guid}", async (Guid webhookId, WebhookCommands webhooks, CancellationToken ct) =>
            (await webhooks.GetAsync(webhookId, ct)).Ok()).WithTags(OperatorTags.Webhooks);
        ops.MapDelete("/webhooks/{webhookId:guid}", async (Guid webhookId, WebhookCommands webhooks, CancellationToken ct) =>
            (await webhooks.RemoveAsync(webhookId, ct)).Ok()).WithTags(OperatorTags.Webhooks);
        ops.MapGet("/webhooks/{webhookId:guid}/deliveries", async (Guid webhookId, int? top, WebhookCommands webhooks, CancellationToken ct) =>
            (await webhooks.DeliveriesAsync(webhookId, top, ct)).Ok(list => new OperatorList<WebhookDeliveryView>(list))).WithTags(OperatorTags.Webhooks);
        ops.MapPost("/webhooks/{webhookId:guid}/deliveries/{deliveryId:long}/redelivery", async (Guid webhookId, long deliveryId, WebhookCommands webhooks, CancellationToken ct) =>
            (await webhooks.RedeliverAsync(webhookId, deliveryId, ct)).Ok()).WithTags(OperatorTags.Webhooks);
        return ops;
    }
}
