using Purser.Core.Lifecycle;

namespace Purser.Engine.Notifications;

/// <summary>What a lifecycle notice tells one administrator: which transition, on which profile-local day, and for a
/// disabled prepaid subscription the local day its data is deleted (R-DELETE-90, R-TRIAL).</summary>
public sealed record LifecycleNotice(
    string ProfileName, string SubscriptionName, SubscriptionState State, TransitionReason Reason, OfferType Offer, DateOnly Day, DateOnly? DeletionOn, ReminderRecipient Recipient);
