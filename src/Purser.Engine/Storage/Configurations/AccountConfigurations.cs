using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Storage.Configurations;

internal sealed class BillingAccountConfiguration : IEntityTypeConfiguration<BillingAccount>
{
    public void Configure(EntityTypeBuilder<BillingAccount> b)
    {
        b.HasIndex(x => x.Name).IsUnique();
        b.OwnsOne(x => x.SoldTo);
    }
}

internal sealed class BillingProfileConfiguration : IEntityTypeConfiguration<BillingProfile>
{
    public void Configure(EntityTypeBuilder<BillingProfile> b)
    {
        b.KeyedByAccount();
        b.HasIndex(x => new { x.BillingAccountId, x.Name }).IsUnique();
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.Language).HasMaxLength(16).HasDefaultValue("zh-Hans");
        b.OwnsOne(x => x.BillTo);
        b.HasOne<BillingAccount>().WithMany().HasForeignKey(x => x.BillingAccountId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.HasIndex(x => x.Email).IsUnique();
        b.HasOne<BillingAccount>().WithMany().HasForeignKey(x => x.BillingAccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Partner>().WithMany().HasForeignKey(x => x.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> b)
    {
        b.HasIndex(x => new { x.UserId, x.ScopeId, x.Role }).IsUnique();
        b.HasIndex(x => new { x.BillingAccountId, x.ScopeId });
        b.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<BillingAccount>().WithMany().HasForeignKey(x => x.BillingAccountId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> b) => b.Property(x => x.Id).HasMaxLength(64);
}

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> b)
    {
        b.KeyedByAccount();
        b.HasIndex(x => new { x.BillingAccountId, x.BillingProfileId });
        b.HasIndex(x => new { x.OrderId, x.BillingAccountId }).IsUnique();
        b.HasIndex(x => x.PartnerId);
        b.HasIndex(x => x.NextCheckAt);
        b.Property(x => x.OfferType).StoredAsName();
        b.Property(x => x.State).StoredAsName();
        b.Property(x => x.DisabledBecause).StoredAsName();
        b.BelongsTo<BillingProfile>(nameof(Subscription.BillingProfileId)).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Partner>().WithMany().HasForeignKey(x => x.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.ServiceAdministratorId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class SeatChangeConfiguration : IEntityTypeConfiguration<SeatChange>
{
    public void Configure(EntityTypeBuilder<SeatChange> b)
    {
        b.KeyedByAccount();
        b.HasIndex(x => new { x.SubscriptionId, x.EffectiveDate });
        b.BelongsTo<Subscription>(nameof(SeatChange.SubscriptionId)).OnDelete(DeleteBehavior.Cascade);
    }
}
