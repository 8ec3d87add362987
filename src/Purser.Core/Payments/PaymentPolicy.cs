using Purser.Core.Monetary;

namespace Purser.Core.Payments;

/// <summary>
/// R-PAY-MIN: the least a payment may be, in the billing profile's currency. StandardPrepaid
/// asks 1,000 for the first payment and every later one; an offer may set its own minimum.
/// </summary>
public sealed record PaymentPolicy(Money MinimumPayment)
{
    public const decimal StandardPrepaidMinimum = 1000m;

    public static PaymentPolicy StandardPrepaid(Currency currency, decimal minimum = StandardPrepaidMinimum) =>
        new(new Money(minimum, currency));

    public Refusal? Check(Money amount)
    {
        if (amount.Currency != MinimumPayment.Currency)
            return new Refusal(RefusalCode.CurrencyMismatch, $"Payments for this offer are made in {MinimumPayment.Currency}, not {amount.Currency}.");
        if (!amount.IsWholeMinorUnits)
            return new Refusal(RefusalCode.AmountNotInMinorUnits, $"{amount} has a fraction of the currency's minor unit.");
        if (amount < MinimumPayment)
            return new Refusal(RefusalCode.PaymentBelowMinimum, $"A payment must be at least {MinimumPayment}; {amount} was refused and nothing changed.");
        return null;
    }
}
