using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Storage.Configurations;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> b)
    {
        b.Property(x => x.Url).HasMaxLength(Webhooks.WebhookCommands.MaxUrlLength);
        b.Property(x => x.EventTypes).HasMaxLength(4000);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        // One delivery per (endpoint, event): two senders fanning the same event out cannot owe it twice.
        b.HasIndex(x => new { x.EndpointId, x.OutboxMessageId }).IsUnique();
        b.HasIndex(x => new { x.DeliveredAt, x.GaveUpAt, x.NextAttemptAt });
        b.Property(x => x.LastError).HasMaxLength(4000);
    }
}
