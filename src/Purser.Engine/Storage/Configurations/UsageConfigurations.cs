using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Storage.Configurations;

internal sealed class UsageEventConfiguration : IEntityTypeConfiguration<UsageEvent>
{
    public void Configure(EntityTypeBuilder<UsageEvent> b)
    {
        b.Property(x => x.Source).HasMaxLength(128);
        b.Property(x => x.EventId).HasMaxLength(128);
        b.Property(x => x.Tags).HasMaxLength(4000);
        b.KeyedByAccount();
        b.HasIndex(x => new { x.BillingAccountId, x.Source, x.EventId }).IsUnique();
        b.HasIndex(x => new { x.BillingAccountId, x.SubscriptionId, x.Timestamp });
    }
}

internal sealed class UsageDailyAggregateConfiguration : IEntityTypeConfiguration<UsageDailyAggregate>
{
    public void Configure(EntityTypeBuilder<UsageDailyAggregate> b)
    {
        b.HasKey(x => new { x.SubscriptionId, x.MeterId, x.UsageDate, x.BillingAccountId });
        b.HasIndex(x => new { x.BillingAccountId, x.UsageDate });
    }
}
