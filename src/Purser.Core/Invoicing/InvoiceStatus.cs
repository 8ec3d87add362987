using Purser.Core.Monetary;

namespace Purser.Core.Invoicing;

/// <summary>Where an issued invoice stands (Azure's invoice status, with PartiallyPaid for a payment short of what is due).</summary>
public enum InvoiceStatus
{
    Due,
    OverDue,
    PartiallyPaid,
    Paid,
    Void,
}

public static class InvoiceStanding
{
    /// <summary>
    /// An invoice is paid once payments reach what was due after credit; past its due date it is
    /// overdue whatever was paid of it; a voided invoice stays void.
    /// </summary>
    public static InvoiceStatus Of(Money amountDue, Money paid, DateOnly dueDate, DateOnly today, bool voided)
    {
        if (voided)
            return InvoiceStatus.Void;
        if (paid >= amountDue)
            return InvoiceStatus.Paid;
        if (today > dueDate)
            return InvoiceStatus.OverDue;
        return paid.IsPositive ? InvoiceStatus.PartiallyPaid : InvoiceStatus.Due;
    }
}
