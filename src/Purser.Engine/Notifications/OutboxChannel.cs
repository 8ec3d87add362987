namespace Purser.Engine.Notifications;

/// <summary>How an outbox message leaves: an e-mail the sender delivers, or an event kept for webhooks.</summary>
public enum OutboxChannel
{
    /// <summary>A lifecycle or billing event: recorded, not yet delivered anywhere (webhooks will read these).</summary>
    Event,

    Email,
}
