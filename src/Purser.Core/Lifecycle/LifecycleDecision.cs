using System.Collections.Immutable;

namespace Purser.Core.Lifecycle;

/// <summary>
/// The subscription after a command or a clock tick, the transitions that got it there, and
/// when the clock next matters (a timer as data, like Wolverine's DelayedFor).
/// </summary>
public sealed record LifecycleDecision(
    SubscriptionLifecycle Subscription,
    ImmutableArray<LifecycleTransition> Transitions,
    DateTimeOffset? NextCheckAt);
