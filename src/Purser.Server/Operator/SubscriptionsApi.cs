using Microsoft.AspNetCore.Http.HttpResults;
using Purser.Engine.Subscriptions;
using Purser.Server.Hosting;

namespace Purser.Server.Operator;

/// <summary>Operator API: subscriptions of every offer type (R-NEWSUB, R-SUBEDIT), seats and cancellations of partner-sold ones (R-LIC-*).</summary>
public static class SubscriptionsApi
{
    public static RouteGroupBuilder MapSubscriptionsApi(this RouteGroupBuilder ops)
    {
        ops.MapPost("/subscriptions", async (NewSubscription body, SubscriptionCommands subscriptions, CancellationToken ct) =>
            (await subscriptions.CreateAsync(body, ct)).Created()).WithIdempotencyKey().WithTags(OperatorTags.Subscriptions);
        ops.MapPatch("/subscriptions/{subscriptionId:guid}", async (Guid subscriptionId, SubscriptionChange body, SubscriptionCommands subscriptions, CancellationToken ct) =>
            (await subscriptions.ChangeAsync(subscriptionId, body, ct)).Ok()).WithIdempotencyKey().WithTags(OperatorTags.Subscriptions);
        ops.MapGet("/subscriptions/{subscriptionId:guid}", async Task<Results<Ok<SubscriptionView>, JsonHttpResult<ArmErrorBody>>> (
                Guid subscriptionId, SubscriptionCommands subscriptions, CancellationToken ct) =>
            await subscriptions.FindAsync(subscriptionId, ct) is { } found ? TypedResults.Ok(found) : ArmError.NotFound($"Subscription '{subscriptionId}'"))
            .WithTags(OperatorTags.Subscriptions);
        ops.MapGet("/subscriptions/{subscriptionId:guid}/entitlement", async Task<Results<Ok<EntitlementView>, JsonHttpResult<ArmErrorBody>>> (
                Guid subscriptionId, Entitlement entitlement, CancellationToken ct) =>
            await entitlement.CheckAsync(subscriptionId, ct) is { } view ? TypedResults.Ok(view) : ArmError.NotFound($"Subscription '{subscriptionId}'"))
            .WithTags(OperatorTags.Subscriptions);
        ops.MapPost("/subscriptions/{subscriptionId:guid}/seatChanges", async (Guid subscriptionId, NewSeatChange body, LicenseCommands licenses, CancellationToken ct) =>
            (await licenses.ChangeSeatsAsync(subscriptionId, body, ct)).Created()).WithIdempotencyKey().WithTags(OperatorTags.Subscriptions);
        ops.MapPost("/subscriptions/{subscriptionId:guid}/cancellation", async (Guid subscriptionId, NewCancellation body, LicenseCommands licenses, CancellationToken ct) =>
            (await licenses.CancelAsync(subscriptionId, body, ct)).Created()).WithIdempotencyKey().WithTags(OperatorTags.Subscriptions);
        return ops;
    }
}
