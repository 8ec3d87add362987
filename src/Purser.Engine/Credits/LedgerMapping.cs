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

    public static Stored.CreditLot ToStored(CreditLot lot, Stored.BillingProfile profile, Guid? subscriptionId, DateTime createdAt) => new()
    {
        Id = lot.Id, BillingAccountId = profile.BillingAccountId, BillingProfileId = profile.Id, SubscriptionId = subscriptionId,
        Sequence = lot.Sequence, Source = lot.Source, Currency = lot.OriginalAmount.Currency.Code, OriginalAmount = lot.OriginalAmount.Amount,
        ClosedBalance = 0m, CurrentBalance = 0m, StartDate = lot.StartsAt.UtcDateTime, ExpirationDate = lot.ExpiresAt.UtcDateTime,
        PoNumber = lot.PoNumber, CreatedAt = createdAt,
    };

    public static Stored.CreditJournalEntry ToStored(JournalEntry e, Stored.BillingProfile profile) => new()
    {
        BillingAccountId = profile.BillingAccountId, BillingProfileId = profile.Id, LotId = e.LotId, IdempotencyKey = e.Key,
        Kind = e.Kind, Phase = e.Phase, Currency = e.Amount.Currency.Code, Amount = e.Amount.Amount,
        Description = e.Description, OccurredAt = e.OccurredAt.UtcDateTime, ChargeKey = e.ChargeKey, Settles = e.Settles, InvoiceNumber = e.InvoiceNumber,
    };

    public static DateTimeOffset Utc(DateTime instant) => new(DateTime.SpecifyKind(instant, DateTimeKind.Utc));
}
