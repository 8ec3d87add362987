using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Storage.Configurations;

internal sealed class ChargeConfiguration : IEntityTypeConfiguration<Charge>
{
    public void Configure(EntityTypeBuilder<Charge> b)
    {
        b.Property(x => x.Currency).HasMaxLength(3);
        b.KeyedByAccount();
        b.Property(x => x.ChargeType).StoredAsName();
        b.HasIndex(x => new { x.BillingProfileId, x.IdempotencyKey, x.BillingAccountId }).IsUnique();
        b.HasIndex(x => new { x.BillingAccountId, x.BillingProfileId, x.InvoiceId });
        b.BelongsTo<BillingProfile>(nameof(Charge.BillingProfileId)).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> b)
    {
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.Issuer).HasMaxLength(64);
        b.Property(x => x.Status).StoredAsName();
        b.KeyedByAccount();
        // Numbers are unique across accounts by construction: each is drawn from its issuer's InvoiceSequences row under
        // that row's lock (R-INVNUM); the index can only hold them per account, as a distributed table's must.
        b.HasIndex(x => new { x.InvoiceNumber, x.BillingAccountId }).IsUnique();
        b.HasIndex(x => new { x.Issuer, x.Sequence, x.BillingAccountId }).IsUnique();
        b.HasIndex(x => new { x.BillingProfileId, x.PeriodStart, x.BillingAccountId }).IsUnique();
        b.HasIndex(x => x.BillingAccountId);
        b.BelongsTo<BillingProfile>(nameof(Invoice.BillingProfileId)).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InvoiceLineItemConfiguration : IEntityTypeConfiguration<InvoiceLineItem>
{
    public void Configure(EntityTypeBuilder<InvoiceLineItem> b)
    {
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.ChargeType).StoredAsName();
        b.Property(x => x.Corrects).StoredAsName(maxLength: 32);
        b.HasIndex(x => new { x.BillingAccountId, x.InvoiceId });
        b.HasIndex(x => new { x.BillingAccountId, x.SubscriptionId });
        b.KeyedByAccount();
        b.BelongsTo<Invoice>(nameof(InvoiceLineItem.InvoiceId)).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InvoiceSequenceConfiguration : IEntityTypeConfiguration<InvoiceSequence>
{
    public void Configure(EntityTypeBuilder<InvoiceSequence> b)
    {
        b.HasKey(x => x.Issuer);
        b.Property(x => x.Issuer).HasMaxLength(64);
    }
}

internal sealed class BudgetConfiguration : IEntityTypeConfiguration<Budget>
{
    public void Configure(EntityTypeBuilder<Budget> b)
    {
        b.KeyedByAccount();
        b.HasIndex(x => new { x.Scope, x.Name, x.BillingAccountId }).IsUnique();
        b.HasIndex(x => x.BillingAccountId);
        b.Property(x => x.Notifications).HasMaxLength(8000);
        // Every stop or restore changes it: a writer that decided on a stale stop loses and decides again (TransientConflicts),
        // so two processes never both write the same step.
        b.Property(x => x.StoppedFrom).IsConcurrencyToken();
    }
}
