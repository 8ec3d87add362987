using Purser.Core.Lifecycle;

namespace Purser.Engine.Storage.Entities;

internal sealed class Subscription
{
    public Guid Id { get; set; }
    public Guid BillingAccountId { get; set; }
    public Guid BillingProfileId { get; set; }
    public required string DisplayName { get; set; }
    public required OfferType OfferType { get; set; }
    public SubscriptionState State { get; set; } = SubscriptionState.Active;
    public required string OrderId { get; set; }
    public string? PartnerId { get; set; }
    public Guid? ServiceAdministratorId { get; set; }
    public bool NeedsReconfiguration { get; set; }
    /// <summary>When the subscription started: the anchor of R-PRICE-NEW, up to a year before <see cref="RecordedAt"/> for an onboarded customer.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When the operator entered it; later than <see cref="CreatedAt"/> only for a backdated start.</summary>
    public DateTime RecordedAt { get; set; }
    public DateTime StateChangedAt { get; set; }

    /// <summary>The lifecycle's clocks (R-TRIAL, R-DELETE-90), kept so a sweep can fire them.</summary>
    public DateTime? TrialEndsAt { get; set; }
    public DateTime? DisabledAt { get; set; }
    public TransitionReason? DisabledBecause { get; set; }
    public DateTime? EndedAt { get; set; }

    /// <summary>When the lifecycle next needs the clock; null when only an event can change it.</summary>
    public DateTime? NextCheckAt { get; set; }

    /// <summary>License-based subscriptions: the monthly price per seat and the catalog item sold.</summary>
    public Guid? LicenseMeterId { get; set; }
    public DateOnly? CancelledEffective { get; set; }
}
