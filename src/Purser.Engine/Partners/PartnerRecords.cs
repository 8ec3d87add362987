using Purser.Core.Lifecycle;

namespace Purser.Engine.Partners;

/// <summary>
/// A subscription a partner sold, as its staff see it: whose it is (the customer, named as in the reconciliation file),
/// what it sells and, for a license-based one, the seats it holds on the profile's local today (on its last day once cancelled).
/// </summary>
public sealed record PartnerSubscriptionRecord(Guid Id, string Customer, string DisplayName, OfferType OfferType, string? Product, int? Seats,
    SubscriptionState State, string OrderId);

/// <summary>What one amount of a cycle adds up to in one currency (a partner's customers may pay in several).</summary>
public sealed record CurrencyTotal(string Currency, decimal Amount);

/// <summary>A billing cycle (the month its invoice periods start, as the reconciliation file is keyed) holding lines of the partner.</summary>
public sealed record PartnerCycleRecord(int Year, int Month, int Lines, int Invoices, IReadOnlyList<CurrencyTotal> Totals)
{
    /// <summary>The cycle as the reconciliation download names it: yyyy-MM.</summary>
    public string Period => $"{Year:D4}-{Month:D2}";
}

/// <summary>
/// An invoice holding lines of the partner: its header as the customer's invoice has it and what the partner's own lines on it
/// add up to (the rows of the reconciliation file that name it). The customer's other lines, payments and balance are not the partner's.
/// </summary>
public sealed record PartnerInvoiceRecord(Guid Id, string InvoiceNumber, Guid BillingAccountId, Guid BillingProfileId, string Customer, string Currency,
    DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly InvoiceDate, int Lines, decimal PartnerAmount);
