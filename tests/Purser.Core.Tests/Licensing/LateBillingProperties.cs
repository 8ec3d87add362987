using FsCheck.Xunit;
using Purser.Core.Invoicing;
using Purser.Core.Licensing;

namespace Purser.Core.Tests.Licensing;

/// <summary>
/// R-LATE over random subscriptions whose facts are learnt late: closes held one after another,
/// each with what was recorded by then, end with every period billed to the cent as the rules give
/// it with everything known (R-ROUND), and nothing billed twice.
/// </summary>
[Properties(Arbitrary = [typeof(LateBillingScenario)], MaxTest = 1500)]
public class LateBillingProperties
{
    private static CloseRun Bill(LateBillingScenario scenario)
    {
        var run = new CloseRun();
        foreach (var date in scenario.BillingDates())
            run.Close(date, scenario.KnownAt(date));
        return run;
    }

    [Property]
    public void Every_period_ends_billed_as_the_truth_gives_it_and_a_last_close_with_everything_known_bills_nothing(LateBillingScenario scenario)
    {
        var run = Bill(scenario);
        var final = scenario.Final;
        var last = scenario.BillingDates()[^1];

        var truth = LicenseBilling.Truth(final, last);

        CloseRun.AssertSameSums(CloseRun.SumsByPeriod(final, truth), CloseRun.SumsByPeriod(final, run.Billed));
        Assert.Empty(LicenseBilling.Due(final, last, run.Billed));
        Assert.All(run.Billed, l => Assert.True(l.Amount.IsWholeMinorUnits, $"{l} is not in whole cents."));
    }

    [Property]
    public void What_was_billed_less_what_was_corrected_is_exactly_the_truths_lines(LateBillingScenario scenario)
    {
        var run = Bill(scenario);
        var final = scenario.Final;
        var truth = LicenseBilling.Truth(final, scenario.BillingDates()[^1]);

        var net = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in run.Billed)
        {
            var key = Key(line.ChargeType == ChargeType.Correction ? line.Corrects!.Value : line.ChargeType, line, line.ChargeType == ChargeType.Correction ? -line.Amount.Amount : line.Amount.Amount);
            net[key] = net.GetValueOrDefault(key) + (line.ChargeType == ChargeType.Correction ? -1 : 1);
        }
        var expected = truth.GroupBy(l => Key(l.ChargeType, l, l.Amount.Amount)).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), net.Where(p => p.Value != 0).OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Property]
    public void A_correction_takes_back_exactly_a_line_billed_at_an_earlier_close(LateBillingScenario scenario)
    {
        var run = Bill(scenario);

        foreach (var (date, close, correction) in run.History.Where(h => h.Line.ChargeType == ChargeType.Correction))
        {
            var corrects = correction.Corrects;
            Assert.NotNull(corrects);
            Assert.NotEqual(ChargeType.Correction, corrects);
            bool Same(LineItem l) =>
                l.ChargeType == corrects && l.UnitPrice == correction.UnitPrice && l.Quantity == correction.Quantity && l.Dates == correction.Dates
                && l.Amount == -correction.Amount;
            bool SameCorrection(LineItem l) => l.ChargeType == ChargeType.Correction && l.Corrects == corrects && l.UnitPrice == correction.UnitPrice
                && l.Quantity == correction.Quantity && l.Dates == correction.Dates && l.Amount == correction.Amount;
            var before = run.History.TakeWhile(h => h.Close < close).Select(h => h.Line).ToList();
            var upToThis = run.History.TakeWhile(h => !ReferenceEquals(h.Line, correction)).Select(h => h.Line).ToList();
            // Billed at an earlier close, and never taken back more often than it was billed.
            Assert.True(before.Any(Same), $"The correction {correction} on {date:O} takes back no line billed earlier.");
            Assert.True(upToThis.Count(SameCorrection) < before.Count(Same), $"The correction {correction} on {date:O} takes back a line already taken back.");
            Assert.Equal(correction.Amount, correction.UnroundedAmount);
        }
    }

    private static string Key(ChargeType type, LineItem line, decimal amount) =>
        FormattableString.Invariant($"{type} {line.UnitPrice.Amount:0.############} {line.Quantity} {line.Dates} {amount:0.00}");
}
