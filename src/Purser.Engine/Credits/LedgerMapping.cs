using Purser.Core.Ledger;
using Purser.Core.Monetary;
using Stored = Purser.Engine.Storage.Entities;

namespace Purser.Engine.Credits;

/// <summary>Between the core's immutable ledger records and their stored rows.</summary>
internal static class LedgerMapping
{
    public static CreditLot ToCore(Stored.CreditLot lot) => new(
        lot.Id, lot.Sequence, new Money(lot.OriginalAmount, Currency.Parse(lot.Currency)), lot.Source,
        Utc(lot.StartDate), Utc(lot.ExpirationDate), lot.PoNumber ?? "");

    public static JournalEntry ToCore(Stored.CreditJournalEntry e) => new(
        e.IdempotencyKey, e.Kind, e.LotId, new Money(e.Amount, Currency.Parse(e.Currency)),
        e.Phase, Utc(e.OccurredAt), e.Description, e.ChargeKey, e.Settles, e.InvoiceNumber);

    public static LotPosition PositionOf(Stored.CreditLot lot)
    {
        var currency = Currency.Parse(lot.Currency);
        Money M(decimal amount) => new(amount, currency);
        return new LotPosition(M(lot.Granted), M(lot.Drawn), M(lot.Expired), M(lot.Adjusted), M(lot.Refunded), M(lot.ClosedBalance), M(lot.Voided));
    }

    public static Stored.CreditLot ToStored(CreditLot lot, LotPosition position, Stored.BillingProfile profile, Guid? subscriptionId, DateTime createdAt)
    {
        var stored = new Stored.CreditLot
        {
            Id = lot.Id, BillingAccountId = profile.BillingAccountId, BillingProfileId = profile.Id, SubscriptionId = subscriptionId,
            Sequence = lot.Sequence, Source = lot.Source, Currency = lot.OriginalAmount.Currency.Code, OriginalAmount = lot.OriginalAmount.Amount,
            StartDate = lot.StartsAt.UtcDateTime, ExpirationDate = lot.ExpiresAt.UtcDateTime, PoNumber = lot.PoNumber, CreatedAt = createdAt,
        };
        Keep(stored, position);
        return stored;
    }

    public static void Keep(Stored.CreditLot stored, LotPosition position)
    {
        stored.Granted = position.Granted.Amount;
        stored.Drawn = position.Drawn.Amount;
        stored.Expired = position.Expired.Amount;
        stored.Adjusted = position.Adjusted.Amount;
        stored.Refunded = position.Refunded.Amount;
        stored.Voided = position.Voided.Amount;
        stored.ClosedBalance = position.ClosedBalance.Amount;
        stored.CurrentBalance = position.Balance.Amount;
    }

    public static BalanceSummary ToCore(Stored.CreditSummary summary)
    {
        var currency = Currency.Parse(summary.Currency);
        return new BalanceSummary(new Money(summary.CurrentBalance, currency), new Money(summary.PendingEligibleCharges, currency),
            new Money(summary.PendingCreditAdjustments, currency), new Money(summary.ExpiredCredit, currency));
    }

    public static void Keep(Stored.CreditSummary stored, BalanceSummary summary)
    {
        stored.CurrentBalance = summary.CurrentBalance.Amount;
        stored.PendingEligibleCharges = summary.PendingEligibleCharges.Amount;
        stored.PendingCreditAdjustments = summary.PendingCreditAdjustments.Amount;
        stored.ExpiredCredit = summary.ExpiredCredit.Amount;
    }

    /// <summary>The UTC day a movement's total counts on.</summary>
    public static DateOnly TotalDay(DateTimeOffset occurredAt) => DateOnly.FromDateTime(occurredAt.UtcDateTime);

    public static Stored.CreditJournalEntry ToStored(JournalEntry e, Stored.BillingProfile profile) => new()
    {
        BillingAccountId = profile.BillingAccountId, BillingProfileId = profile.Id, LotId = e.LotId, IdempotencyKey = e.Key,
        Kind = e.Kind, Phase = e.Phase, Currency = e.Amount.Currency.Code, Amount = e.Amount.Amount,
        Description = e.Description, OccurredAt = e.OccurredAt.UtcDateTime, ChargeKey = e.ChargeKey, Settles = e.Settles, InvoiceNumber = e.InvoiceNumber,
    };

    public static DateTimeOffset Utc(DateTime instant) => new(DateTime.SpecifyKind(instant, DateTimeKind.Utc));
}
