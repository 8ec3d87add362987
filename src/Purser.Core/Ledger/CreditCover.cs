using Purser.Core.Monetary;

namespace Purser.Core.Ledger;

/// <summary>
/// How much credit paid for charges: what their draws took from lots. The one rule behind a charge's
/// <c>coveredByCredit</c>, an invoice's credit applied and a month's credit used; a refund gives credit back to a lot
/// but does not change what covered the charge.
/// </summary>
public static class CreditCover
{
    /// <summary>The credit the draws among <paramref name="entries"/> took (draws are negative movements of their lots).</summary>
    public static Money Of(IEnumerable<JournalEntry> entries, Currency currency) =>
        -entries.Where(e => e.Kind == EntryKind.ChargeDraw).Aggregate(Money.Zero(currency), (sum, e) => sum + e.Amount);

    /// <summary>Per charge key, the credit that paid it, from entries of any number of charges.</summary>
    public static IReadOnlyDictionary<string, Money> ByCharge(IEnumerable<JournalEntry> entries, Currency currency) =>
        entries.Where(e => e.ChargeKey is not null)
            .GroupBy(e => e.ChargeKey!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Of(g, currency), StringComparer.Ordinal);
}
