using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Storage.Configurations;

internal sealed class CreditLotConfiguration : IEntityTypeConfiguration<CreditLot>
{
    public void Configure(EntityTypeBuilder<CreditLot> b)
    {
        b.Property(x => x.Currency).HasMaxLength(3);
        b.HasIndex(x => new { x.BillingAccountId, x.BillingProfileId, x.ExpirationDate });
        b.HasOne<BillingProfile>().WithMany().HasForeignKey(x => x.BillingProfileId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CreditJournalEntryConfiguration : IEntityTypeConfiguration<CreditJournalEntry>
{
    public void Configure(EntityTypeBuilder<CreditJournalEntry> b)
    {
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.Kind).StoredAsName();
        b.Property(x => x.Phase).StoredAsName();
        b.HasIndex(x => new { x.BillingProfileId, x.IdempotencyKey }).IsUnique();
        b.HasIndex(x => new { x.BillingAccountId, x.BillingProfileId, x.OccurredAt });
        b.HasIndex(x => new { x.BillingProfileId, x.ChargeKey });
        b.HasIndex(x => new { x.BillingProfileId, x.Settles });
        b.HasOne<BillingProfile>().WithMany().HasForeignKey(x => x.BillingProfileId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CreditLot>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CreditSummaryConfiguration : IEntityTypeConfiguration<CreditSummary>
{
    public void Configure(EntityTypeBuilder<CreditSummary> b)
    {
        b.HasKey(x => new { x.BillingAccountId, x.BillingProfileId });
        b.HasIndex(x => x.BillingProfileId).IsUnique();
        b.Property(x => x.Currency).HasMaxLength(3);
        b.HasOne<BillingProfile>().WithMany().HasForeignKey(x => x.BillingProfileId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CreditDayTotalConfiguration : IEntityTypeConfiguration<CreditDayTotal>
{
    public void Configure(EntityTypeBuilder<CreditDayTotal> b)
    {
        b.HasKey(x => new { x.BillingAccountId, x.BillingProfileId, x.Day });
        b.HasIndex(x => new { x.BillingProfileId, x.Day });
        b.Property(x => x.Currency).HasMaxLength(3);
        b.HasOne<BillingProfile>().WithMany().HasForeignKey(x => x.BillingProfileId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CreditOpenEntryConfiguration : IEntityTypeConfiguration<CreditOpenEntry>
{
    public void Configure(EntityTypeBuilder<CreditOpenEntry> b)
    {
        b.HasKey(x => new { x.BillingAccountId, x.BillingProfileId, x.IdempotencyKey });
        b.HasIndex(x => new { x.BillingProfileId, x.IdempotencyKey }).IsUnique();
        b.HasOne<BillingProfile>().WithMany().HasForeignKey(x => x.BillingProfileId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> b)
    {
        b.Property(x => x.Currency).HasMaxLength(3);
        b.HasIndex(x => new { x.BillingProfileId, x.IdempotencyKey }).IsUnique();
        b.HasIndex(x => x.BillingAccountId);
        b.HasOne<BillingProfile>().WithMany().HasForeignKey(x => x.BillingProfileId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ChargeRefundConfiguration : IEntityTypeConfiguration<ChargeRefund>
{
    public void Configure(EntityTypeBuilder<ChargeRefund> b)
    {
        b.Property(x => x.Currency).HasMaxLength(3);
        b.HasIndex(x => new { x.BillingProfileId, x.IdempotencyKey }).IsUnique();
        b.HasIndex(x => new { x.BillingAccountId, x.ChargeId });
        b.HasOne<BillingProfile>().WithMany().HasForeignKey(x => x.BillingProfileId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Charge>().WithMany().HasForeignKey(x => x.ChargeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CreditAlertThresholdConfiguration : IEntityTypeConfiguration<CreditAlertThreshold>
{
    public void Configure(EntityTypeBuilder<CreditAlertThreshold> b)
    {
        b.Property(x => x.Basis).StoredAsName();
        b.HasIndex(x => new { x.BillingProfileId, x.Basis, x.Value }).IsUnique();
        b.HasIndex(x => x.BillingAccountId);
        b.HasOne<BillingProfile>().WithMany().HasForeignKey(x => x.BillingProfileId).OnDelete(DeleteBehavior.Restrict);
    }
}
