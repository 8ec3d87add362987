using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Purser.Core.Alerts;
using Purser.Core.Ledger;
using Purser.Core.Monetary;
using Purser.Core.Tests.Ledger;

namespace Purser.Core.Tests.Alerts;

/// <summary>Random thresholds against random histories of top-ups and charges on a real ledger.</summary>
[Properties(Arbitrary = [typeof(CreditAlertProperties)], MaxTest = 2000)]
public class CreditAlertProperties
{
    private static readonly DateTimeOffset Now = new(2019, 9, 2, 9, 0, 0, TimeSpan.FromHours(8));

    public sealed record History(CreditAlertThreshold[] Thresholds, (bool TopUp, decimal Amount)[] Steps)
    {
        public override string ToString() => $"[{string.Join(", ", Thresholds.Select(t => $"{t.Value} {t.Basis}"))}]: {string.Join(", ", Steps)}";
    }

    public static Arbitrary<History> Histories()
    {
        var threshold = Gen.Elements(AlertBasis.PercentOfLastTopUp, AlertBasis.Amount)
            .SelectMany(_ => Gen.Choose(1, 100), (basis, value) => new CreditAlertThreshold(basis, basis == AlertBasis.Amount ? value * 10m : value));
        var step = Gen.Elements(true, false, false, false)
            .SelectMany(_ => Gen.Choose(1, 100_000), (topUp, cents) => (topUp, cents / 100m));
        return threshold.NonEmptyListOf().Select(t => t.DistinctBy(x => (x.Basis, x.Value)).ToArray())
            .SelectMany(_ => step.ArrayOf(), (thresholds, steps) => new History(thresholds, steps))
            .ToArbitrary();
    }

    [Property]
    public void An_alert_is_fired_exactly_while_the_balance_is_below_its_level_and_never_twice_without_a_recovery(History history)
    {
        var book = new LedgerBuilder(Currency.CNY);
        var fired = new bool[history.Thresholds.Length];
        var turns = history.Thresholds.Select(_ => new List<AlertTurn>()).ToArray();
        var n = 0;
        foreach (var (topUp, amount) in history.Steps)
        {
            if (topUp)
                book.Grant(amount, Now, Now.AddYears(1));
            else
                book.Charge($"charge-{n++}", amount, Now);
            var balance = CreditPosition.Of(book.Ledger, Now).Remaining;
            for (var i = 0; i < fired.Length; i++)
            {
                var level = history.Thresholds[i].LevelIn(book.Ledger);
                if (CreditAlerts.Turn(level, fired[i], balance) is { } turn)
                {
                    fired[i] = turn == AlertTurn.Fired;
                    turns[i].Add(turn);
                }
                Assert.Equal(balance < level, fired[i]);
                Assert.Null(CreditAlerts.Turn(level, fired[i], balance));
            }
        }
        foreach (var list in turns)
        {
            // Fired, Recovered, Fired, …: each turn undoes the one before, starting with a fall.
            for (var k = 0; k < list.Count; k++)
                Assert.Equal(k % 2 == 0 ? AlertTurn.Fired : AlertTurn.Recovered, list[k]);
        }
    }
}
