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

/// <summary>
/// What makes a usage event once-only within its source: its event id, per billing account (SPEC §6: every unique key
/// holds the account, so a distributed store can check it on the account's node; two tenants' ids never collide).
/// </summary>
public readonly record struct UsageEventKey(Guid BillingAccountId, string EventId)
{
    public static UsageEventKey Of(ValidatedUsage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        return new UsageEventKey(usage.BillingAccountId, usage.EventId);
    }
}
