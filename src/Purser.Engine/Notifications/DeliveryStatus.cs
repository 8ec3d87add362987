namespace Purser.Engine.Notifications;

/// <summary>Where an e-mail or a webhook delivery stands: still being tried, handed on, or given up until an operator sends it again.</summary>
public enum DeliveryStatus
{
    Pending,
    Delivered,
    GaveUp,
}
