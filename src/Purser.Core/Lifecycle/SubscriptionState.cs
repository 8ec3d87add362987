namespace Purser.Core.Lifecycle;

public enum SubscriptionState
{
    Active,

    /// <summary>Stopped: resources stay but the subscription is not entitled to use them.</summary>
    Disabled,

    /// <summary>Data permanently deleted; final.</summary>
    Deleted,

    /// <summary>Ended by request; final.</summary>
    Cancelled,
}
