using System.ComponentModel.DataAnnotations;
using Purser.Core.Monetary;
using Purser.Core.Invoicing;

namespace Purser.Engine.Billing;

/// <summary>A one-off charge an operator records on a billing profile (a support plan, a marketplace item, a correction).</summary>
public sealed record NewCharge([property: Required] Guid? BillingProfileId, Guid? SubscriptionId, [property: Required] decimal? Amount, [property: Required] string? Description,
    bool? CreditEligible, DateTimeOffset? ChargedAt);

public sealed record ChargeView(Guid Id, Guid BillingProfileId, Guid? SubscriptionId, string Description,
    Money Amount, Money CoveredByCredit, Money AmountDue, bool CreditEligible, DateOnly Date, Guid? InvoiceId);

/// <summary>A refund of a charge: <see cref="Amount"/>, or the whole charge when null, and why.</summary>
public sealed record NewRefund(decimal? Amount, string? Reason);

/// <summary>A refund as decided: what went back into credit, what is owed back through the payment method, and what of the charge is left to refund.</summary>
public sealed record RefundView(Guid Id, Guid ChargeId, Guid BillingProfileId, Money Amount, Money ReturnedToCredit, Money ReturnedToPaymentMethod,
    Money RefundableLeft, string Reason, DateTimeOffset RefundedAt);

/// <summary>
/// Close a billing profile's period into one invoice. The period is named by <see cref="Period"/>
/// (yyyy-MM, the month it starts in) or by its start; with neither, the latest period that is over.
/// </summary>
public sealed record NewBillingRun(Guid? BillingProfileId, string? Period = null, DateOnly? PeriodStart = null, DateOnly? PeriodEnd = null);

public sealed record InvoiceView(Guid Id, string InvoiceNumber, Guid BillingProfileId, DateOnly PeriodStart, DateOnly PeriodEnd,
    DateOnly InvoiceDate, DateOnly DueDate, InvoiceStatus Status, Money SubTotal, Money CreditApplied, Money AmountDue, int LineCount);

/// <summary>What the open period's close would bill now.</summary>
public sealed record InvoicePreview(Guid BillingProfileId, DateOnly PeriodStart, DateOnly PeriodEnd,
    Money SubTotal, Money CreditApplied, Money AmountDue, IReadOnlyList<InvoicePreviewLine> Lines);

public sealed record InvoicePreviewLine(ChargeType ChargeType, ChargeType? Corrects, string Description, Money UnitPrice, decimal Quantity,
    DateOnly StartDate, DateOnly EndDate, Money Amount, Money CreditApplied, bool CreditEligible);

/// <summary>A run over many profiles: the invoices it issued and the profiles it could not close, with why.</summary>
public sealed record BillingRunSummary(int Profiles, IReadOnlyList<InvoiceView> Invoices, IReadOnlyList<BillingRunFailure> Failed);

public sealed record BillingRunFailure(Guid? BillingProfileId, string Code, string Message);

public sealed record BillingRunProgress(int ProfilesDone, int Profiles, int Invoices, int Failed);
