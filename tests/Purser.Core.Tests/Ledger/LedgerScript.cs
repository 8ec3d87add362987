using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;

namespace Purser.Core.Tests.Ledger;

/// <summary>A random history of ledger commands; days count from a fixed origin.</summary>
public sealed record LedgerScript(ImmutableArray<LedgerStep> Steps)
{
    private static readonly DateTimeOffset Origin = new(2017, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));

    /// <summary>The instant a step's day number names, at a different hour each day.</summary>
    public static DateTimeOffset Day(int day) => Origin.AddDays(day).AddHours(day % 24);

    public override string ToString() => string.Join("; ", Steps);

    public static Arbitrary<LedgerScript> Arbitrary()
    {
        var grant = Gen.Choose(1, 100_000).SelectMany(cents => Gen.Choose(0, 100), (cents, start) => (cents, start))
            .SelectMany(g => Gen.Choose(1, 400), (g, days) => (LedgerStep)new GrantStep(g.cents, g.start, days));
        var charge = Gen.Choose(1, 60_000).SelectMany(cents => Gen.Choose(0, 500), (cents, day) => (cents, day))
            .SelectMany(c => Gen.Choose(0, 9), (c, flags) => (LedgerStep)new ChargeStep(c.cents, c.day, Eligible: flags < 8, Settled: flags == 0));
        var expire = Gen.Choose(0, 520).Select(day => (LedgerStep)new ExpireStep(day));
        var refund = Gen.Choose(0, 30).SelectMany(charge => Gen.Choose(1, 80_000), (c, cents) => (c, cents))
            .SelectMany(r => Gen.Choose(0, 520), (r, day) => (LedgerStep)new RefundStep(r.c, r.cents, day));
        var adjust = Gen.Choose(0, 10).SelectMany(lot => Gen.Choose(-50_000, 50_000), (lot, cents) => (lot, cents))
            .SelectMany(a => Gen.Choose(0, 520), (a, day) => (LedgerStep)new AdjustStep(a.lot, a.cents, day));
        var voiding = Gen.Choose(0, 10).SelectMany(lot => Gen.Choose(0, 520), (lot, day) => (LedgerStep)new VoidStep(lot, day));
        var settle = Gen.Choose(0, 520).Select(day => (LedgerStep)new SettleStep(day));
        var step = Gen.Frequency((3, grant), (6, charge), (1, expire), (1, refund), (1, adjust), (1, voiding), (1, settle));
        return step.ListOf().Select(steps => new LedgerScript([.. steps])).ToArbitrary();
    }
}

public abstract record LedgerStep;

public sealed record GrantStep(int Cents, int StartDay, int Days) : LedgerStep;

public sealed record ChargeStep(int Cents, int Day, bool Eligible, bool Settled) : LedgerStep;

public sealed record ExpireStep(int Day) : LedgerStep;

public sealed record RefundStep(int ChargeIndex, int Cents, int Day) : LedgerStep;

public sealed record AdjustStep(int LotIndex, int Cents, int Day) : LedgerStep;

public sealed record VoidStep(int LotIndex, int Day) : LedgerStep;

public sealed record SettleStep(int Day) : LedgerStep;
