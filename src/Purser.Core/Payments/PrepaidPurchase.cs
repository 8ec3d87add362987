using Purser.Core.Calendar;
using Purser.Core.Ledger;

namespace Purser.Core.Payments;

/// <summary>
/// A StandardPrepaid payment becomes a credit lot (R-PAY-MIN, R-LOT-12M): refused below the
/// minimum, otherwise valid from the purchase for 12 months on the profile's local calendar.
/// </summary>
public static class PrepaidPurchase
{
    public const int ValidityMonths = 12;

    public static Outcome<GrantCredit> Decide(PrepaidPayment payment, PaymentPolicy policy, BillingTimeZone zone)
    {
        if (policy.Check(payment.Amount) is { } refusal)
            return refusal;
        return Outcome<GrantCredit>.Accept(new GrantCredit(
            payment.Key,
            payment.LotId,
            payment.Amount,
            CreditSources.Prepayment,
            payment.PaidAt,
            zone.AddMonths(payment.PaidAt, ValidityMonths),
            payment.PoNumber));
    }
}
