using Purser.Core.Monetary;
using Purser.Core.Payments;

namespace Purser.Engine.Payments;

/// <summary>R-PAY-MIN: the least a StandardPrepaid payment may be, per currency; 1,000 unless configured otherwise.</summary>
public sealed class PaymentSettings(IReadOnlyDictionary<string, decimal>? minimums = null)
{
    public decimal MinimumFor(Currency currency) =>
        minimums is not null && minimums.TryGetValue(currency.Code, out var minimum) ? minimum : PaymentPolicy.StandardPrepaidMinimum;
}
