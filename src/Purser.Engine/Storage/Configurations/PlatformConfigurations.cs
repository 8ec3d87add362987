using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Storage.Configurations;

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> b)
    {
        b.HasIndex(x => new { x.JobName, x.RunKey }).IsUnique();
        b.Property(x => x.Status).StoredAsName();
        b.Property(x => x.Error).HasMaxLength(4000);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.HasKey(x => new { x.Operation, x.Key });
        b.Property(x => x.ResponseBody).HasMaxLength(65536);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.HasIndex(x => x.SentAt);
        b.Property(x => x.Body).HasMaxLength(65536);
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b) => b.Property(x => x.FriendlyName).HasMaxLength(200);
}
