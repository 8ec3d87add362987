using Purser.Core.Invoicing;
using Purser.Engine.Billing;

namespace Purser.Server.Operator;

/// <summary>A recorded charge as the operator API answers it: amounts as numbers beside their currency's code.</summary>
public sealed record ChargeReply(Guid Id, Guid BillingProfileId, Guid? SubscriptionId, string Description, string Currency,
    decimal Amount, decimal CoveredByCredit, decimal AmountDue, bool CreditEligible, DateOnly Date, Guid? InvoiceId)
{
    public static ChargeReply Of(ChargeView c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Id, c.BillingProfileId, c.SubscriptionId, c.Description, c.Amount.Currency.Code,
            c.Amount.Amount, c.CoveredByCredit.Amount, c.AmountDue.Amount, c.CreditEligible, c.Date, c.InvoiceId);
    }
}

/// <summary>An issued invoice as a billing run answers it.</summary>
public sealed record InvoiceReply(Guid Id, string InvoiceNumber, Guid BillingProfileId, string Currency, DateOnly PeriodStart, DateOnly PeriodEnd,
    DateOnly InvoiceDate, DateOnly DueDate, InvoiceStatus Status, decimal SubTotal, decimal CreditApplied, decimal AmountDue, int LineCount)
{
    public static InvoiceReply Of(InvoiceView i)
    {
        ArgumentNullException.ThrowIfNull(i);
        return new(i.Id, i.InvoiceNumber, i.BillingProfileId, i.SubTotal.Currency.Code, i.PeriodStart, i.PeriodEnd, i.InvoiceDate, i.DueDate,
            i.Status, i.SubTotal.Amount, i.CreditApplied.Amount, i.AmountDue.Amount, i.LineCount);
    }
}

/// <summary>A run over many profiles: the invoices it issued and the profiles it could not close.</summary>
public sealed record BillingRunSummaryReply(int Profiles, IReadOnlyList<InvoiceReply> Invoices, IReadOnlyList<BillingRunFailure> Failed)
{
    public static BillingRunSummaryReply Of(BillingRunSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Profiles, [.. s.Invoices.Select(InvoiceReply.Of)], s.Failed);
    }
}

/// <summary>What the open period's close would bill now.</summary>
public sealed record InvoicePreviewReply(Guid BillingProfileId, string Currency, DateOnly PeriodStart, DateOnly PeriodEnd,
    decimal SubTotal, decimal CreditApplied, decimal AmountDue, IReadOnlyList<InvoicePreviewLineReply> Lines)
{
    public static InvoicePreviewReply Of(InvoicePreview p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.BillingProfileId, p.SubTotal.Currency.Code, p.PeriodStart, p.PeriodEnd, p.SubTotal.Amount, p.CreditApplied.Amount,
            p.AmountDue.Amount, [.. p.Lines.Select(InvoicePreviewLineReply.Of)]);
    }
}

public sealed record InvoicePreviewLineReply(ChargeType ChargeType, ChargeType? Corrects, string Description, decimal UnitPrice, decimal Quantity,
    DateOnly StartDate, DateOnly EndDate, decimal Amount, decimal CreditApplied, bool CreditEligible)
{
    public static InvoicePreviewLineReply Of(InvoicePreviewLine l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return new(l.ChargeType, l.Corrects, l.Description, l.UnitPrice.Amount, l.Quantity, l.StartDate, l.EndDate, l.Amount.Amount,
            l.CreditApplied.Amount, l.CreditEligible);
    }
}
