using System.ComponentModel.DataAnnotations;
using Purser.Core.Monetary;
using Purser.Core.Lifecycle;

namespace Purser.Engine.Payments;

/// <summary>Money received for a prepaid subscription: a top-up, the trial's payment of 1, or a trial's upgrade.</summary>
public sealed record NewPayment([property: Required] Guid? SubscriptionId, [property: Required] decimal? Amount, string? Currency, string? Method, string? PoNumber);

public sealed record PaymentView(Guid Id, Guid SubscriptionId, Money Amount, string Method, Guid LotId, Money Credit,
    DateTimeOffset CreditExpiresAt, OfferType OfferType, SubscriptionState SubscriptionState, bool NeedsReconfiguration);
