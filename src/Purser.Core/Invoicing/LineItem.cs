using Purser.Core.Calendar;
using Purser.Core.Monetary;

namespace Purser.Core.Invoicing;

/// <summary>
/// One row of what is owed: a charge (positive) or a credit (negative), already rounded to
/// the currency's minor unit. <see cref="UnroundedAmount"/> keeps the exact figure it came from.
/// </summary>
public sealed record LineItem(
    ChargeType ChargeType,
    Money UnitPrice,
    decimal Quantity,
    BillingPeriod Dates,
    Money Amount,
    Money UnroundedAmount)
{
    /// <summary>
    /// The single place a line's amount is rounded: charges half away from zero, credits
    /// toward zero, by the line's charge type and never by the caller's choice.
    /// </summary>
    public static LineItem Create(ChargeType chargeType, Money unitPrice, decimal quantity, BillingPeriod dates, Money unrounded)
    {
        var amount = chargeType.IsCredit() ? unrounded.RoundAsCredit() : unrounded.RoundAsCharge();
        return new LineItem(chargeType, unitPrice, quantity, dates, amount, unrounded);
    }
}
