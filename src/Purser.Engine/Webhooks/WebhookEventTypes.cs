using Purser.Core.Lifecycle;

namespace Purser.Engine.Webhooks;

/// <summary>
/// The types of the outbox's events, as their rows' kind and as the <c>type</c> of a webhook body: the one list an
/// endpoint's subscription is checked against, so a misspelt type is refused instead of never firing.
/// </summary>
public static class WebhookEventTypes
{
    public const string Every = "*";
    public const string SubscriptionBackdated = nameof(SubscriptionBackdated);
    public const string PriceBackdated = nameof(PriceBackdated);
    public const string BudgetStopped = nameof(BudgetStopped);
    public const string BudgetRestored = nameof(BudgetRestored);
    public const string InvoiceIssued = nameof(InvoiceIssued);

    /// <summary>A lifecycle transition's type: the state it reached (SubscriptionDisabled, SubscriptionDeleted, …).</summary>
    public static string Lifecycle(SubscriptionState to) => $"Subscription{to}";

    public static IReadOnlyList<string> All { get; } =
        [.. Enum.GetValues<SubscriptionState>().Select(Lifecycle), SubscriptionBackdated, PriceBackdated, BudgetStopped, BudgetRestored, InvoiceIssued];
}
