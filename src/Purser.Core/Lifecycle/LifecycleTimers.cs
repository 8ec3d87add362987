namespace Purser.Core.Lifecycle;

/// <summary>The lifecycle's clocks (R-DELETE-90, R-TRIAL).</summary>
public sealed record LifecycleTimers(TimeSpan PrepaidDeletionAfterDisabled, TimeSpan TrialDeletionAfterDisabled, int TrialMonths)
{
    public static LifecycleTimers Standard { get; } = new(TimeSpan.FromDays(90), TimeSpan.FromDays(15), 1);

    public TimeSpan DeletionAfterDisabled(OfferType offer) =>
        offer == OfferType.Trial ? TrialDeletionAfterDisabled : PrepaidDeletionAfterDisabled;
}
