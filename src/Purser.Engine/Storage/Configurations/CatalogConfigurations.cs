using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Storage.Configurations;

internal sealed class MeterConfiguration : IEntityTypeConfiguration<Meter>
{
    public void Configure(EntityTypeBuilder<Meter> b) => b.HasIndex(x => x.Name);
}

internal sealed class PriceVersionConfiguration : IEntityTypeConfiguration<PriceVersion>
{
    public void Configure(EntityTypeBuilder<PriceVersion> b)
    {
        b.Property(x => x.Currency).HasMaxLength(3);
        b.HasIndex(x => new { x.MeterId, x.Currency, x.EffectiveFrom }).IsUnique();
        b.HasOne<Meter>().WithMany().HasForeignKey(x => x.MeterId).OnDelete(DeleteBehavior.Cascade);
    }
}
