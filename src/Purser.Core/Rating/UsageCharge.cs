using Purser.Core.Calendar;
using Purser.Core.Invoicing;
using Purser.Core.Monetary;

namespace Purser.Core.Rating;

/// <summary>Turns rated usage into a line item; the amount is rounded once, on the line.</summary>
public static class UsageCharge
{
    public static LineItem Line(Money unitPrice, decimal quantity, BillingPeriod days)
    {
        if (quantity < 0)
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "Usage cannot be negative.");
        return LineItem.Create(ChargeType.Usage, unitPrice, quantity, days, unitPrice * quantity);
    }
}
