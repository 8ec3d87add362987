namespace Purser.Engine.Usage;

/// <summary>
/// One stored usage event as a usage detail line (R-DOWNLOAD, usageDetails): who used what,
/// when, on which local day and billing period, and at the unit price rating applies to that
/// day. <see cref="Cost"/> is price × quantity unrounded (R-ROUND rounds the day line, not the
/// event); both are null when the meter had no price in the profile's currency.
/// </summary>
public sealed record UsageDetailLine(
    string EventSource,
    string EventId,
    UsageDetailOwner Owner,
    UsageDetailMeter Meter,
    decimal Quantity,
    DateTimeOffset Timestamp,
    DateOnly UsageDate,
    DateOnly BillingPeriodStart,
    DateOnly BillingPeriodEnd,
    string? ResourceId,
    IReadOnlyDictionary<string, string> Tags,
    string Currency,
    decimal? UnitPrice,
    decimal? Cost);

/// <summary>The subscription, billing profile and billing account a usage line is billed to; names are ARM names, display names as shown.</summary>
public sealed record UsageDetailOwner(
    Guid SubscriptionId,
    string SubscriptionName,
    Guid BillingProfileId,
    string BillingProfileName,
    string BillingProfileDisplayName,
    Guid BillingAccountId,
    string BillingAccountName,
    string BillingAccountDisplayName);

public sealed record UsageDetailMeter(Guid Id, string Name, string Category, string? SubCategory, string Unit, bool CreditEligible);
