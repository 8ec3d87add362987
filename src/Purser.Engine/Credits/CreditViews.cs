using Purser.Core.Ledger;
using Purser.Core.Monetary;

namespace Purser.Engine.Credits;

public sealed record CreditLotView(Guid Id, Guid BillingProfileId, string BillingProfileName, string Source, Money OriginalAmount,
    Money ClosedBalance, Money CurrentBalance, DateTimeOffset StartDate, DateTimeOffset ExpirationDate, string PoNumber, LotStatus Status);

public sealed record BalanceSummaryView(Guid BillingProfileId, string BillingProfileName, string BillingProfileDisplayName, BalanceSummary Summary);

public sealed record CreditEventView(Guid BillingProfileId, string BillingProfileName, string BillingProfileDisplayName, CreditEvent Event);
