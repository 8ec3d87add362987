using System.CommandLine;
using System.Globalization;
using Purser.Engine;
using Purser.Engine.Billing;
using Purser.Engine.Credits;
using Purser.Engine.Notifications;
using Purser.Engine.Telemetry;
using Purser.Server.Notifications;

namespace Purser.Server.Cli;

/// <summary>
/// <c>purser bill [--period yyyy-MM] [--profile ID]</c>: closes every due period (or that month's
/// period) of every billing profile (or one) into invoices, with a progress bar and a summary.
/// Safe to run again: a period already invoiced is skipped.
/// </summary>
internal static class BillVerb
{
    private static readonly Option<string?> Period = new("--period") { Description = "The month the period starts in, yyyy-MM. Default: every period that is over and not invoiced." };

    private static readonly Option<Guid?> Profile = new("--profile") { Description = "Only this billing profile (its id)." };

    public static Command Create()
    {
        var bill = new Command("bill", "Close billing periods into invoices (each profile on its own calendar).");
        StoreFlags.AddTo(bill);
        bill.Options.Add(Period);
        bill.Options.Add(Profile);
        bill.SetAction(async (parse, ct) =>
        {
            var period = parse.GetValue(Period);
            if (period is not null && !Core.Calendar.BillingCalendar.TryParseMonth(period, out _, out _))
            {
                await Console.Error.WriteLineAsync($"purser bill: --period must be a month written yyyy-MM, not '{period}'.");
                return 2;
            }
            await using var store = new PurserStore(StoreFlags.ConnectionString(parse));
            await store.MigrateAsync(ct);
            var clock = TimeProvider.System;
            var metrics = new PurserMetrics();
            var run = new BillingRun(store, new CreditBook(store, clock, new CreditAlertMails(new MailComposer()), metrics), new InvoiceSettings(), clock, metrics);
            var bar = new ProgressBar();
            var summary = await run.RunDueAsync(parse.GetValue(Profile), period,
                new Progress<BillingRunProgress>(p => bar.Draw(p.ProfilesDone, p.Profiles, $"{p.Invoices:N0} invoices, {p.Failed:N0} failed")), ct);
            bar.Done();
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Billed {summary.Profiles:N0} profiles: {summary.Invoices.Count:N0} invoices issued, {summary.Failed.Count:N0} profiles not closed."));
            foreach (var group in summary.Invoices.GroupBy(i => i.SubTotal.Currency.Code).OrderBy(g => g.Key, StringComparer.Ordinal))
                await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  {group.Key}: billed {group.Sum(i => i.SubTotal.Amount):N2}, credit applied {group.Sum(i => i.CreditApplied.Amount):N2}, due {group.Sum(i => i.AmountDue.Amount):N2}"));
            foreach (var failure in summary.Failed)
                await Console.Error.WriteLineAsync($"  profile {failure.BillingProfileId}: {failure.Code}: {failure.Message}");
            return summary.Failed.Count == 0 ? 0 : 1;
        });
        return bill;
    }
}
