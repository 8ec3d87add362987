namespace Purser.Engine.Usage;

/// <summary>An event that passed validation, with what storage needs resolved: its tenant and its day in the profile's time zone.</summary>
public sealed record ValidatedUsage(
    string EventId,
    Guid BillingAccountId,
    Guid SubscriptionId,
    Guid MeterId,
    decimal Quantity,
    DateTime TimestampUtc,
    DateOnly UsageDate,
    string? ResourceId,
    string? Tags);
