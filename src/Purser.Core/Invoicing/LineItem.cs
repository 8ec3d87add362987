using Purser.Core.Calendar;
using Purser.Core.Monetary;

namespace Purser.Core.Invoicing;

/// <summary>
/// One row of what is owed: a charge (positive) or a credit (negative), already rounded to
/// the currency's minor unit. <see cref="UnroundedAmount"/> keeps the exact figure it came from.
/// A <see cref="ChargeType.Correction"/> names in <see cref="Corrects"/> the type of the line it takes back.
/// </summary>
public sealed record LineItem(
    ChargeType ChargeType,
    Money UnitPrice,
    decimal Quantity,
    BillingPeriod Dates,
    Money Amount,
    Money UnroundedAmount,
    ChargeType? Corrects = null)
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

    /// <summary>Takes back exactly what <paramref name="billed"/> charged: same dates, quantity and price, the amount negated unrounded.</summary>
    public static LineItem CorrectionOf(LineItem billed)
    {
        ArgumentNullException.ThrowIfNull(billed);
        if (billed.ChargeType == ChargeType.Correction)
            throw new ArgumentException("A correction is undone by billing the line again, not by correcting the correction.", nameof(billed));
        return new LineItem(ChargeType.Correction, billed.UnitPrice, billed.Quantity, billed.Dates, -billed.Amount, -billed.Amount, billed.ChargeType);
    }

    /// <summary>What identifies a billed line when the truth is compared with what was billed.</summary>
    internal LineIdentity Identity => ChargeType == ChargeType.Correction
        ? new(Corrects!.Value, UnitPrice, Quantity, Dates, -Amount)
        : new(ChargeType, UnitPrice, Quantity, Dates, Amount);
}

internal readonly record struct LineIdentity(ChargeType ChargeType, Money UnitPrice, decimal Quantity, BillingPeriod Dates, Money Amount);
