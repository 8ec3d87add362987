using Purser.Core.Calendar;
using Purser.Core.Ledger;
using Purser.Core.Monetary;

namespace Purser.Core.Payments;

/// <summary>R-TRIAL: a payment of exactly 1 buys 1,500 of credit for the trial's one month.</summary>
public static class TrialActivation
{
    public const decimal Price = 1m;
    public const decimal Credit = 1500m;

    public static Outcome<GrantCredit> Decide(PrepaidPayment payment, BillingTimeZone zone, int trialMonths = 1)
    {
        if (payment.Amount.Amount != Price)
            return Outcome<GrantCredit>.Refuse(RefusalCode.TrialPriceMismatch, $"The trial costs {Price} {payment.Amount.Currency}, not {payment.Amount}.");
        return Outcome<GrantCredit>.Accept(new GrantCredit(
            payment.Key,
            payment.LotId,
            new Money(Credit, payment.Amount.Currency),
            CreditSources.Trial,
            payment.PaidAt,
            zone.AddMonths(payment.PaidAt, trialMonths),
            payment.PoNumber));
    }
}
