using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Storage.Configurations;

internal sealed class CreditLotConfiguration : IEntityTypeConfiguration<CreditLot>
{
    public void Configure(EntityTypeBuilder<CreditLot> b)
    {
        b.KeyedByAccount();
        b.Property(x => x.Currency).HasMaxLength(3);
        b.HasIndex(x => new { x.BillingAccountId, x.BillingProfileId, x.ExpirationDate });
        b.BelongsTo<BillingProfile>("BillingProfileId").OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CreditJournalEntryConfiguration : IEntityTypeConfiguration<CreditJournalEntry>
{
    public void Configure(EntityTypeBuilder<CreditJournalEntry> b)
    {
        b.KeyedByAccount();
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.Kind).StoredAsName();
        b.Property(x => x.Phase).StoredAsName();
        b.HasIndex(x => new { x.BillingProfileId, x.IdempotencyKey, x.BillingAccountId }).IsUnique();
        b.HasIndex(x => new { x.BillingAccountId, x.BillingProfileId, x.OccurredAt });
        b.HasIndex(x => new { x.BillingProfileId, x.ChargeKey });
        b.HasIndex(x => new { x.BillingProfileId, x.Settles });
        b.BelongsTo<BillingProfile>("BillingProfileId").OnDelete(DeleteBehavior.Restrict);
        b.BelongsTo<CreditLot>(nameof(CreditJournalEntry.LotId)).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CreditSummaryConfiguration : IEntityTypeConfiguration<CreditSummary>
{
    public void Configure(EntityTypeBuilder<CreditSummary> b)
    {
        b.HasKey(x => new { x.BillingAccountId, x.BillingProfileId });
        b.HasIndex(x => x.BillingProfileId);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.BelongsTo<BillingProfile>("BillingProfileId").OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CreditDayTotalConfiguration : IEntityTypeConfiguration<CreditDayTotal>
{
    public void Configure(EntityTypeBuilder<CreditDayTotal> b)
    {
        b.HasKey(x => new { x.BillingAccountId, x.BillingProfileId, x.Day });
        b.HasIndex(x => new { x.BillingProfileId, x.Day });
        b.Property(x => x.Currency).HasMaxLength(3);
        b.BelongsTo<BillingProfile>("BillingProfileId").OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CreditOpenEntryConfiguration : IEntityTypeConfiguration<CreditOpenEntry>
{
    public void Configure(EntityTypeBuilder<CreditOpenEntry> b)
    {
        b.HasKey(x => new { x.BillingAccountId, x.BillingProfileId, x.IdempotencyKey });
        b.HasIndex(x => new { x.BillingProfileId, x.IdempotencyKey });
        b.BelongsTo<BillingProfile>("BillingProfileId").OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> b)
    {
        b.KeyedByAccount();
        b.Property(x => x.Currency).HasMaxLength(3);
        b.HasIndex(x => new { x.BillingProfileId, x.IdempotencyKey, x.BillingAccountId }).IsUnique();
        b.HasIndex(x => x.BillingAccountId);
        b.BelongsTo<BillingProfile>("BillingProfileId").OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ChargeRefundConfiguration : IEntityTypeConfiguration<ChargeRefund>
{
    public void Configure(EntityTypeBuilder<ChargeRefund> b)
    {
        b.KeyedByAccount();
        b.Property(x => x.Currency).HasMaxLength(3);
        b.HasIndex(x => new { x.BillingProfileId, x.IdempotencyKey, x.BillingAccountId }).IsUnique();
        b.HasIndex(x => new { x.BillingAccountId, x.ChargeId });
        b.BelongsTo<BillingProfile>("BillingProfileId").OnDelete(DeleteBehavior.Restrict);
        b.BelongsTo<Charge>(nameof(ChargeRefund.ChargeId)).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CreditAlertThresholdConfiguration : IEntityTypeConfiguration<CreditAlertThreshold>
{
    public void Configure(EntityTypeBuilder<CreditAlertThreshold> b)
    {
        b.KeyedByAccount();
        b.Property(x => x.Basis).StoredAsName();
        b.HasIndex(x => new { x.BillingProfileId, x.Basis, x.Value, x.BillingAccountId }).IsUnique();
        b.HasIndex(x => x.BillingAccountId);
        b.BelongsTo<BillingProfile>("BillingProfileId").OnDelete(DeleteBehavior.Restrict);
    }
}
