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
        b.HasIndex(x => new { x.SentAt, x.NextAttemptAt });
        b.HasIndex(x => x.OnceKey).IsUnique();
        b.Property(x => x.Channel).StoredAsName();
        b.Property(x => x.LastError).HasMaxLength(4000);
        b.Property(x => x.Body).HasMaxLength(65536);
        b.Property(x => x.HtmlBody).HasMaxLength(262144);
        b.Property(x => x.Data).HasMaxLength(4000);
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b)
    {
        b.Property(x => x.FriendlyName).HasMaxLength(200);
        // A key element carries its encrypted secret and descriptor: a few kilobytes, well past the default text length.
        b.Property(x => x.Xml).HasMaxLength(65536);
    }
}
