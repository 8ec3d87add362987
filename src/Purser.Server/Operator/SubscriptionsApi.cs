using Purser.Engine.Subscriptions;
using Purser.Server.Hosting;

namespace Purser.Server.Operator;

/// <summary>Operator API: subscriptions of every offer type (R-NEWSUB, R-SUBEDIT).</summary>
public static class SubscriptionsApi
{
    public static RouteGroupBuilder MapSubscriptionsApi(this RouteGroupBuilder ops)
    {
        ops.MapPost("/subscriptions", async (NewSubscription body, SubscriptionCommands subscriptions, CancellationToken ct) =>
            (await subscriptions.CreateAsync(body, ct)).Created()).WithIdempotencyKey().WithTags("Subscriptions");
        ops.MapPatch("/subscriptions/{subscriptionId:guid}", async (Guid subscriptionId, SubscriptionChange body, SubscriptionCommands subscriptions, CancellationToken ct) =>
            (await subscriptions.ChangeAsync(subscriptionId, body, ct)).Ok()).WithIdempotencyKey().WithTags("Subscriptions");
        ops.MapGet("/subscriptions/{subscriptionId:guid}", async (Guid subscriptionId, SubscriptionCommands subscriptions, CancellationToken ct) =>
            await subscriptions.FindAsync(subscriptionId, ct) is { } found ? Results.Json(found) : ArmError.NotFound($"Subscription '{subscriptionId}'"))
            .WithTags("Subscriptions");
        ops.MapGet("/subscriptions/{subscriptionId:guid}/entitlement", async (Guid subscriptionId, Entitlement entitlement, CancellationToken ct) =>
            await entitlement.CheckAsync(subscriptionId, ct) is { } view ? Results.Json(view) : ArmError.NotFound($"Subscription '{subscriptionId}'"))
            .WithTags("Subscriptions");
        return ops;
    }
}
