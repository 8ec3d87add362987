namespace Purser.Engine.Notifications;

/// <summary>Where an e-mail or a webhook delivery stands: still being tried, handed on, or given up until an operator sends it again.</summary>
public enum DeliveryStatus
{
    Pending,
    Delivered,
    GaveUp,
}

public static class DeliveryStatuses
{
    /// <summary>The status of a message handed on at <paramref name="deliveredAt"/> or given up at <paramref name="gaveUpAt"/> (each null until then).</summary>
    public static DeliveryStatus Of(DateTime? deliveredAt, DateTime? gaveUpAt) =>
        deliveredAt is not null ? DeliveryStatus.Delivered : gaveUpAt is not null ? DeliveryStatus.GaveUp : DeliveryStatus.Pending;
}
