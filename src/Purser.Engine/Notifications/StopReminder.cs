namespace Purser.Engine.Notifications;

/// <summary>What is about to stop a prepaid subscription, told ahead of the day it happens.</summary>
public enum StopReminderKind
{
    /// <summary>R-TRIAL: the trial month ends (the subscription is disabled unless upgraded).</summary>
    TrialEnding,

    /// <summary>R-DELETE-90, R-TRIAL: a disabled subscription's data is deleted.</summary>
    DataDeletion,
}

/// <summary>One reminder to one administrator: the subscription, the profile-local day it happens and how many days are left.</summary>
public sealed record StopReminder(StopReminderKind Kind, string ProfileName, string SubscriptionName, DateOnly Day, int DaysLeft, ReminderRecipient Recipient);
