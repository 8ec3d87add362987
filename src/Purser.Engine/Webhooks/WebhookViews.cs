using System.ComponentModel.DataAnnotations;
using Purser.Engine.Notifications;

namespace Purser.Engine.Webhooks;

public sealed record NewWebhook([property: Required] string? Url, [property: Required] IReadOnlyList<string>? EventTypes, string? Description);

public sealed record WebhookView(Guid Id, string Url, IReadOnlyList<string> EventTypes, string? Description, DateTimeOffset CreatedAt, DateTimeOffset? RemovedAt);

/// <summary>A newly registered endpoint with its signing secret: the one reply that carries it.</summary>
public sealed record WebhookRegistered(Guid Id, string Url, IReadOnlyList<string> EventTypes, string? Description, DateTimeOffset CreatedAt, string Secret);

public sealed record WebhookDeliveryView(
    long Id, Guid EventId, string EventType, DateTimeOffset CreatedAt, DeliveryStatus Status, int Attempts,
    DateTimeOffset? LastAttemptAt, int? LastStatusCode, string? LastError, DateTimeOffset? DeliveredAt, DateTimeOffset? NextAttemptAt);

/// <summary>A delivery claimed for sending: where, how to sign it, and the body every attempt of it carries.</summary>
public sealed record WebhookAttempt(long Id, string Url, string Secret, Guid EventId, string EventType, string Body, int Attempts, DateTimeOffset EventCreatedAt);
