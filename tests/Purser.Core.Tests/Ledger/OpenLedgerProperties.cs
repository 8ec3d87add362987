using FsCheck.Xunit;
using Purser.Core.Ledger;
using Purser.Core.Monetary;

namespace Purser.Core.Tests.Ledger;

/// <summary>
/// B-LEDGER's correctness side: a ledger of open state (kept lot positions, unsettled movements, and
/// the history a decision turned out to ask about) decides every command exactly as the whole journal
/// replayed does, and a balance summary kept change by change equals one computed from the journal.
/// </summary>
[Properties(Arbitrary = [typeof(LedgerScript)], MaxTest = 1000)]
public class OpenLedgerProperties
{
    [Property]
    public void An_open_ledger_decides_as_the_whole_journal_does_and_the_kept_summary_agrees(LedgerScript script)
    {
        var whole = CreditLedger.Empty(Currency.CNY);
        var kept = BalanceSummary.Zero(Currency.CNY);
        var lots = new List<Guid>();
        var charges = new List<string>();
        var n = 0;
        foreach (var step in script.Steps)
        {
            n++;
            var decide = Command(step, n, lots, charges);
            if (decide is null)
                continue;
            var expected = decide(whole);
            var actual = DecideOnOpenState(whole, decide);
            Assert.Equal(expected is null, actual is null);
            if (expected is null)
                continue;
            Assert.Equal(expected.Replayed, actual!.Replayed);
            Assert.Equal(expected.NewLots.AsEnumerable(), actual.NewLots.AsEnumerable());
            Assert.Equal(expected.Entries.AsEnumerable(), actual.Entries.AsEnumerable());

            whole = whole.Apply(expected);
            kept = kept.After(expected);
            Assert.Equal(BalanceSummary.Of(whole), kept);
            lots.AddRange(expected.NewLots.Select(l => l.Id));
            if (step is ChargeStep)
                charges.Add($"charge-{n}");
        }
    }

    /// <summary>The engine's loop: decide on open state; when it asked about history the store holds, load that and decide again.</summary>
    private static LedgerChange? DecideOnOpenState(CreditLedger whole, Func<CreditLedger, LedgerChange?> decide)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var charges = new HashSet<string>(StringComparer.Ordinal);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var open = OpenState(whole, keys, charges);
            Assert.Equal(BalanceSummary.Of(whole), BalanceSummary.Of(open));
            var decided = decide(open);
            var heldKeys = open.Unseen.Keys.Where(whole.HeldEntries.ContainsKey).ToList();
            var heldCharges = open.Unseen.Charges.Where(c => Movements(whole, c) > Movements(open, c)).ToList();
            if (heldKeys.Count == 0 && heldCharges.Count == 0)
                return decided;
            keys.UnionWith(heldKeys);
            charges.UnionWith(heldCharges);
        }
        Assert.Fail("Three loads did not find all the history a decision needs.");
        return null;
    }

    private static int Movements(CreditLedger ledger, string charge) =>
        ledger.HeldEntries.Values.Count(e => e.ChargeKey == charge && !e.IsSettlement);

    private static CreditLedger OpenState(CreditLedger whole, HashSet<string> keys, HashSet<string> charges)
    {
        var unsettled = whole.PendingEntries.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var chosen = whole.Entries.Where(e => unsettled.Contains(e.Key) || keys.Contains(e.Key) || (e.ChargeKey is { } c && charges.Contains(c)))
            .Select(e => e.Settles ?? e.Key).ToHashSet(StringComparer.Ordinal);
        var entries = whole.Entries.Where(e => chosen.Contains(e.Key) || (e.Settles is { } s && chosen.Contains(s)));
        return CreditLedger.Open(whole.Currency, whole.Lots.Select(l => (l, whole.Position(l.Id))), entries, charges);
    }

    private static Func<CreditLedger, LedgerChange?>? Command(LedgerStep step, int n, List<Guid> lots, List<string> charges) => step switch
    {
        GrantStep g => ledger => Accepted(new GrantCredit($"grant-{g.StartDay}-{g.Cents}", Guid.Parse($"00000000-0000-0000-0000-{n:D12}"),
            M(g.Cents), CreditSources.Promotional, LedgerScript.Day(g.StartDay), LedgerScript.Day(g.StartDay + g.Days)).Decide(ledger)),
        ChargeStep c => ledger => new DrawCharge(charges.Count > 0 && c.Cents % 5 == 0 ? charges[c.Cents % charges.Count] : $"charge-{n}", M(c.Cents),
            c.Eligible, LedgerScript.Day(c.Day), "usage", c.Settled ? EntryPhase.Settled : EntryPhase.Pending).Decide(ledger).Value.Change,
        ExpireStep e => ledger => new ExpireCredit(LedgerScript.Day(e.Day)).Decide(ledger),
        RefundStep r when charges.Count > 0 => ledger => new RefundCharge($"refund-{r.ChargeIndex % charges.Count}-{r.Cents % 7}", charges[r.ChargeIndex % charges.Count], M(100_000_000), M(0), M(r.Cents), LedgerScript.Day(r.Day), "refund")
            .Decide(ledger) is { IsAccepted: true } refunded ? refunded.Value.Change : null,
        AdjustStep a when lots.Count > 0 && a.Cents != 0 => ledger => Accepted(new AdjustCredit($"adjust-{a.Cents % 11}", lots[a.LotIndex % lots.Count], M(a.Cents), LedgerScript.Day(a.Day), "adjustment").Decide(ledger)),
        VoidStep v when lots.Count > 0 => ledger => Accepted(new VoidLot($"void-{v.LotIndex % lots.Count}", lots[v.LotIndex % lots.Count], LedgerScript.Day(v.Day), "void").Decide(ledger)),
        SettleStep s => ledger => Accepted(new SettleInvoice($"INV-{n}", LedgerScript.Day(s.Day)).Decide(ledger)),
        _ => null,
    };

    private static LedgerChange? Accepted(Outcome<LedgerChange> outcome) => outcome.IsAccepted ? outcome.Value : null;

    private static Money M(int cents) => new(cents / 100m, Currency.CNY);
}
