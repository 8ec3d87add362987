namespace Purser.Engine.Billing;

/// <summary>A one-off charge an operator records on a billing profile (a support plan, a marketplace item, a correction).</summary>
public sealed record NewCharge(Guid? BillingProfileId, Guid? SubscriptionId, decimal? Amount, string? Description,
    bool? CreditEligible, DateTimeOffset? ChargedAt);

public sealed record ChargeView(Guid Id, Guid BillingProfileId, Guid? SubscriptionId, string Description, string Currency,
    decimal Amount, decimal CoveredByCredit, decimal AmountDue, bool CreditEligible, DateOnly Date, Guid? InvoiceId);

/// <summary>Close a billing profile's period [PeriodStart, PeriodEnd] into one invoice.</summary>
public sealed record NewBillingRun(Guid? BillingProfileId, DateOnly? PeriodStart, DateOnly? PeriodEnd);

public sealed record InvoiceView(Guid Id, string InvoiceNumber, Guid BillingProfileId, string Currency, DateOnly PeriodStart, DateOnly PeriodEnd,
    DateOnly InvoiceDate, DateOnly DueDate, string Status, decimal SubTotal, decimal CreditApplied, decimal AmountDue, int LineCount);
