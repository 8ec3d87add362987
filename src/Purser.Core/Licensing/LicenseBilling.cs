using System.Collections.Immutable;
using Purser.Core.Invoicing;

namespace Purser.Core.Licensing;

/// <summary>
/// What a license-based subscription owes at a close, as a difference (R-LATE): every line the
/// rules give through that close, from the subscription's whole history as known now, less the
/// lines already billed. A seat change or cancellation recorded after the close it affects thus
/// shows up at the next close as the lines the truth gained plus corrections of the lines it lost;
/// nothing is dropped and nothing is billed twice.
/// </summary>
public static class LicenseBilling
{
    /// <summary>Every line due through the close held on <paramref name="billingDate"/> (a period's next start), in billing order.</summary>
    public static ImmutableArray<LineItem> Truth(LicenseSubscription subscription, DateOnly billingDate)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var lines = ImmutableArray.CreateBuilder<LineItem>();
        if (subscription.StartedOn <= billingDate)
            lines.AddRange(LicenseStatement.AtStart(subscription));
        foreach (var period in subscription.Periods())
        {
            if (period.NextStart > billingDate)
                break;
            lines.AddRange(LicenseStatement.AtClose(subscription, period));
        }
        return lines.ToImmutable();
    }

    /// <summary>The lines the close on <paramref name="billingDate"/> bills, given what earlier invoices billed for this subscription.</summary>
    public static ImmutableArray<LineItem> Due(LicenseSubscription subscription, DateOnly billingDate, IEnumerable<LineItem> billed) =>
        Difference(Truth(subscription, billingDate), billed);

    /// <summary>
    /// Lines that make <paramref name="billed"/> add up to <paramref name="truth"/>: each true line
    /// not yet billed, then a correction of each billed line the truth no longer holds. A line counts
    /// as billed once per time it was billed less once per correction of it.
    /// </summary>
    public static ImmutableArray<LineItem> Difference(IReadOnlyList<LineItem> truth, IEnumerable<LineItem> billed)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(billed);
        var outstanding = new Dictionary<LineIdentity, int>();
        var seen = new List<(LineIdentity Identity, LineItem Original)>();
        foreach (var line in billed)
        {
            var identity = line.Identity;
            if (!outstanding.ContainsKey(identity))
                seen.Add((identity, Original(line)));
            outstanding[identity] = outstanding.GetValueOrDefault(identity) + (line.ChargeType == ChargeType.Correction ? -1 : 1);
        }
        var due = ImmutableArray.CreateBuilder<LineItem>();
        foreach (var line in truth)
        {
            var identity = line.Identity;
            var billedCount = outstanding.GetValueOrDefault(identity);
            if (billedCount > 0)
                outstanding[identity] = billedCount - 1;
            else
                due.Add(line);
        }
        foreach (var (identity, original) in seen)
        {
            for (var left = outstanding[identity]; left > 0; left--)
                due.Add(LineItem.CorrectionOf(original));
        }
        return due.ToImmutable();
    }

    private static LineItem Original(LineItem line) => line.ChargeType == ChargeType.Correction
        ? new LineItem(line.Corrects!.Value, line.UnitPrice, line.Quantity, line.Dates, -line.Amount, -line.UnroundedAmount)
        : line;
}
