using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Purser.Core;
using Purser.Core.Calendar;
using Purser.Core.Invoicing;
using Purser.Core.Ledger;
using Purser.Core.Monetary;
using Purser.Engine.Accounts;
using Purser.Engine.Credits;
using Purser.Engine.Storage;
using Purser.Engine.Storage.Entities;
using Purser.Engine.Telemetry;
using Purser.Engine.Webhooks;

namespace Purser.Engine.Billing;

/// <summary>
/// Closes one billing profile's period into one invoice (R-INVOICE) on the profile's own calendar
/// (R-CALENDAR): the Core assembles lines, credit and totals (<see cref="MonthClose"/>); this
/// class locks the ledger, numbers the invoice from the issuer's gap-free sequence and writes
/// invoice, lines, charges and the settled credit in one transaction. The unique (profile, period
/// start) makes a second close of the same period return the first invoice.
/// </summary>
public sealed class BillingRun(PurserStore store, CreditBook book, InvoiceSettings settings, TimeProvider clock, PurserMetrics metrics)
{
    public const int PaymentTermDays = 30;

    /// <summary>A billing run of one profile's period.</summary>
    public Task<Outcome<InvoiceView>> CloseAsync(NewBillingRun input, CancellationToken ct)
    {
        metrics.BillingRun();
        return CloseProfileAsync(input, ct);
    }

    private async Task<Outcome<InvoiceView>> CloseProfileAsync(NewBillingRun input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (InputRules.First(
                input.BillingProfileId is null ? new Refusal(RefusalCode.MissingField, "'billingProfileId' is required.", "billingProfileId") : null,
                input.Period is null || BillingCalendar.TryParseMonth(input.Period, out _, out _) ? null
                    : new Refusal(RefusalCode.InvalidField, "'period' is a month written yyyy-MM, the month the period starts in.", "period"),
                input.PeriodEnd < input.PeriodStart ? new Refusal(RefusalCode.InvalidField, "'periodEnd' must not be before 'periodStart'.", "periodEnd") : null) is { } invalid)
            return invalid;

        // Set by the decision that committed: a retried decision decides again, and a close of an invoiced period issues nothing.
        var issued = false;
        var closed = await book.ChangeAsync<InvoiceView>(input.BillingProfileId!.Value, async session =>
        {
            var calendar = session.Profile.Calendar();
            var period = ResolvePeriod(input, calendar, session.Now);
            if (!period.IsAccepted)
                return period.Refusal;
            var decided = await CloseInSessionAsync(session, period.Value, ct);
            issued = decided.IsAccepted && !decided.Value.Item1.Replayed;
            return decided;
        }, ct);
        if (closed.IsAccepted && issued)
            metrics.InvoiceIssued();
        return closed;
    }

    /// <summary>
    /// Closes every period that is over and not yet invoiced, for every profile (or one), oldest first:
    /// a profile's first period is the one it was created in. With <paramref name="period"/> (yyyy-MM)
    /// only that period is closed. Profiles run in a fixed order so invoice numbers follow it, and a
    /// refusal for one profile is reported without stopping the others.
    /// </summary>
    public async Task<BillingRunSummary> RunDueAsync(Guid? profileId, string? period, IProgress<BillingRunProgress>? progress, CancellationToken ct)
    {
        metrics.BillingRun();
        if (period is not null && !BillingCalendar.TryParseMonth(period, out _, out _))
            return new BillingRunSummary(0, [], [new BillingRunFailure(profileId, RefusalCode.InvalidField.Code, "'period' is a month written yyyy-MM, the month the period starts in.")]);
        List<DueProfile> profiles;
        await using (var db = store.CreateContext())
        {
            var rows = db.BillingProfiles.AsNoTracking();
            if (profileId is { } only)
                rows = rows.Where(p => p.Id == only);
            profiles = await rows.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
                .Select(p => new DueProfile(p.Id, p.TimeZone, p.InvoiceDay, p.CreatedAt,
                    db.Invoices.Where(i => i.BillingProfileId == p.Id).Max(i => (DateOnly?)i.PeriodStart)))
                .ToListAsync(ct);
        }
        if (profileId is { } missing && profiles.Count == 0)
            return new BillingRunSummary(0, [], [new BillingRunFailure(missing, RefusalCode.NotFound.Code, $"Billing profile '{missing}' does not exist.")]);

        var now = clock.GetUtcNow();
        var invoices = new List<InvoiceView>();
        var failures = new List<BillingRunFailure>();
        for (var done = 0; done < profiles.Count; done++)
        {
            var profile = profiles[done];
            foreach (var due in profile.DuePeriods(period, now))
            {
                var closed = await CloseProfileAsync(new NewBillingRun(profile.Id, PeriodStart: due.Start), ct);
                if (closed.IsAccepted)
                    invoices.Add(closed.Value);
                else
                {
                    failures.Add(new BillingRunFailure(profile.Id, closed.Refusal.Code.Code, closed.Refusal.Message));
                    break;
                }
            }
            progress?.Report(new BillingRunProgress(done + 1, profiles.Count, invoices.Count, failures.Count));
        }
        return new BillingRunSummary(profiles.Count, invoices, failures);
    }

    private sealed record DueProfile(Guid Id, string TimeZone, int InvoiceDay, DateTime CreatedAt, DateOnly? LastInvoiced)
    {
        public IEnumerable<BillingPeriod> DuePeriods(string? month, DateTimeOffset now)
        {
            var calendar = BillingCalendar.Of(TimeZone, InvoiceDay);
            if (month is not null && BillingCalendar.TryParseMonth(month, out var year, out var m))
            {
                var period = calendar.PeriodOfMonth(year, m);
                if (LastInvoiced is null || LastInvoiced < period.Start)
                    yield return period;
                yield break;
            }
            var last = calendar.LastPeriodOverAt(now);
            var first = LastInvoiced is { } invoiced
                ? calendar.Periods.Next(calendar.Periods.PeriodStartingOn(invoiced))
                : calendar.PeriodOf(new DateTimeOffset(CreatedAt, TimeSpan.Zero));
            for (var p = first; p.Start <= last.Start; p = calendar.Periods.Next(p))
                yield return p;
        }
    }

    /// <summary>What closing the open period would bill now, from the same decision the close makes; nothing is written.</summary>
    public async Task<Outcome<InvoicePreview>> PreviewAsync(Guid profileId, CancellationToken ct) =>
        await book.ChangeAsync<InvoicePreview>(profileId, async session =>
        {
            var period = session.Profile.Calendar().PeriodOf(session.Now);
            var plan = await MonthClose.PlanAsync(session, period, "preview", ct);
            if (!plan.IsAccepted)
                return plan.Refusal;
            var d = plan.Value.Decision;
            var lines = d.Lines.Select(l => new InvoicePreviewLine(l.Charge.Line.ChargeType, l.Charge.Line.Corrects, l.Charge.Description,
                l.Charge.Line.UnitPrice, l.Charge.Line.Quantity, l.Charge.Line.Dates.Start, l.Charge.Line.Dates.End, l.Charge.Line.Amount,
                l.CreditApplied, l.Charge.CreditEligible)).ToList();
            return (LedgerChange.None, new InvoicePreview(session.Profile.Id, period.Start, period.End, d.SubTotal, d.CreditApplied, d.AmountDue, lines));
        }, ct);

    private async Task<Outcome<(LedgerChange, InvoiceView)>> CloseInSessionAsync(LedgerSession session, BillingPeriod period, CancellationToken ct)
    {
        var db = session.Db;
        var profile = session.Profile;
        var existing = await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.BillingProfileId == profile.Id && i.PeriodStart == period.Start, ct);
        if (existing is not null)
            return (LedgerChange.Replay, View(existing, await db.InvoiceLineItems.CountAsync(l => l.InvoiceId == existing.Id, ct)));
        var calendar = profile.Calendar();
        if (!calendar.IsOver(period, session.Now))
            return new Refusal(RefusalCode.PeriodNotOver, $"The period {period.Start:yyyy-MM-dd}..{period.End:yyyy-MM-dd} ends with the local day {period.End:yyyy-MM-dd} in {calendar.Zone.Id}; it can be invoiced from {period.NextStart:yyyy-MM-dd} on.", "period");
        if (await db.Invoices.AnyAsync(i => i.BillingProfileId == profile.Id && i.PeriodStart > period.Start, ct))
            return new Refusal(RefusalCode.PeriodSuperseded, $"A later period of this billing profile is already invoiced; what {period.Start:yyyy-MM-dd}..{period.End:yyyy-MM-dd} still owes is billed on the next invoice.", "period");

        var (sequence, number) = await InvoiceNumbers.NextAsync(db, settings, ct);
        var planned = await MonthClose.PlanAsync(session, period, number, ct);
        if (!planned.IsAccepted)
            return planned.Refusal;
        var plan = planned.Value;
        var decision = plan.Decision;
        var today = calendar.DayOf(session.Now);
        var currency = session.Ledger.Currency;
        var invoice = new Invoice
        {
            Id = Guid.NewGuid(), BillingAccountId = profile.BillingAccountId, BillingProfileId = profile.Id, InvoiceNumber = number,
            Issuer = settings.Issuer, Sequence = sequence, Currency = profile.Currency, PeriodStart = period.Start, PeriodEnd = period.End,
            InvoiceDate = period.NextStart, DueDate = period.NextStart.AddDays(PaymentTermDays), PurchaseOrderNumber = profile.PoNumber,
            CreatedAt = session.Now.UtcDateTime, SubTotal = decision.SubTotal.Amount, CreditApplied = decision.CreditApplied.Amount,
            TotalAmount = decision.SubTotal.Amount, AmountDue = decision.AmountDue.Amount,
        };
        invoice.Status = InvoiceStanding.Of(decision.AmountDue, Money.Zero(currency), invoice.DueDate, today, voided: false);
        db.Invoices.Add(invoice);

        var charges = plan.Recorded.ToDictionary(c => c.IdempotencyKey, StringComparer.Ordinal);
        foreach (var (account, charge) in plan.LicenseLines)
        {
            var row = LicenseCharge(profile, account, charge, session.Now.UtcDateTime);
            db.Charges.Add(row);
            charges[charge.Key] = row;
        }
        foreach (var line in decision.Lines)
        {
            var charge = charges[line.Charge.Key];
            charge.InvoiceId = invoice.Id;
            var item = line.Charge.Line;
            db.InvoiceLineItems.Add(new InvoiceLineItem
            {
                BillingAccountId = invoice.BillingAccountId, InvoiceId = invoice.Id, ChargeId = charge.Id, SubscriptionId = charge.SubscriptionId,
                PartnerId = charge.SubscriptionId is { } s ? plan.Partners.GetValueOrDefault(s) : null,
                ChargeType = item.ChargeType, Corrects = item.Corrects, Description = charge.Description, Currency = invoice.Currency,
                UnitPrice = item.UnitPrice.Amount, Quantity = item.Quantity, Amount = item.Amount.Amount, CreditApplied = line.CreditApplied.Amount,
                StartDate = item.Dates.Start, EndDate = item.Dates.End,
            });
        }
        profile.LastInvoicedAt = calendar.ClosesAt(period).UtcDateTime;
        db.Outbox.Add(IssuedEvent(invoice, session.Now));
        return (decision.Change, View(invoice, decision.Lines.Length));
    }

    private static Outcome<BillingPeriod> ResolvePeriod(NewBillingRun input, BillingCalendar calendar, DateTimeOffset now)
    {
        BillingPeriod period;
        if (input.Period is not null && BillingCalendar.TryParseMonth(input.Period, out var year, out var month))
            period = calendar.PeriodOfMonth(year, month);
        else if (input.PeriodStart is { } start)
        {
            if (!calendar.Periods.IsBillingDate(start))
                return new Refusal(RefusalCode.InvalidField, $"'periodStart' {start:yyyy-MM-dd} is not a billing date of this profile (invoice day {calendar.Periods.BillingDay}).", "periodStart");
            period = calendar.Periods.PeriodStartingOn(start);
        }
        else
            period = calendar.LastPeriodOverAt(now);
        if (input.PeriodStart is { } given && given != period.Start)
            return new Refusal(RefusalCode.InvalidField, $"'periodStart' must be {period.Start:yyyy-MM-dd}, the start of the period.", "periodStart");
        if (input.PeriodEnd is { } end && end != period.End)
            return new Refusal(RefusalCode.InvalidField, $"'periodEnd' must be {period.End:yyyy-MM-dd}: periods run from one billing date to the day before the next.", "periodEnd");
        return period;
    }

    private static Charge LicenseCharge(BillingProfile profile, LicenseAccount account, InvoiceCharge charge, DateTime now) => new()
    {
        Id = Guid.NewGuid(), BillingAccountId = profile.BillingAccountId, BillingProfileId = profile.Id, SubscriptionId = account.Row.Id,
        MeterId = account.Row.LicenseMeterId, ChargeType = charge.Line.ChargeType, Description = charge.Description, Currency = profile.Currency,
        UnitPrice = charge.Line.UnitPrice.Amount, Quantity = charge.Line.Quantity, Amount = charge.Line.Amount.Amount, CreditEligible = charge.CreditEligible,
        StartDate = charge.Line.Dates.Start, EndDate = charge.Line.Dates.End, IdempotencyKey = charge.Key, CreatedAt = now,
    };

    /// <summary>The invoice's announcement, written with it: its e-mail to the administrators and its webhooks come from this row.</summary>
    private static OutboxMessage IssuedEvent(Invoice i, DateTimeOffset now) => new()
    {
        BillingAccountId = i.BillingAccountId,
        MessageId = Guid.NewGuid(),
        Kind = WebhookEventTypes.InvoiceIssued,
        Recipient = i.Id.ToString(),
        Subject = $"Invoice {i.InvoiceNumber} issued",
        Body = string.Create(CultureInfo.InvariantCulture, $"Invoice {i.InvoiceNumber} for {i.PeriodStart:yyyy-MM-dd}..{i.PeriodEnd:yyyy-MM-dd}: {i.AmountDue} {i.Currency} due by {i.DueDate:yyyy-MM-dd}."),
        Data = new InvoiceIssuedData(i.Id, i.InvoiceNumber, i.BillingProfileId, i.PeriodStart, i.PeriodEnd, i.InvoiceDate, i.DueDate, i.Currency,
            i.SubTotal, i.CreditApplied, i.AmountDue).Json(),
        CreatedAt = now.UtcDateTime,
        NextAttemptAt = now.UtcDateTime,
    };

    internal static InvoiceView View(Invoice i, int lines)
    {
        var currency = Currency.Parse(i.Currency);
        return new(i.Id, i.InvoiceNumber, i.BillingProfileId, i.PeriodStart, i.PeriodEnd, i.InvoiceDate, i.DueDate, i.Status,
            new Money(i.SubTotal, currency), new Money(i.CreditApplied, currency), new Money(i.AmountDue, currency), lines);
    }
}
