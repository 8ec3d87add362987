using Purser.Core.Monetary;

namespace Purser.Engine.Notifications;

/// <summary>What is about to stop a prepaid subscription, told ahead of the day it happens.</summary>
public enum StopReminderKind
{
    /// <summary>R-TRIAL: the trial month ends (the subscription is disabled unless upgraded).</summary>
    TrialEnding,

    /// <summary>R-DELETE-90, R-TRIAL: a disabled subscription's data is deleted.</summary>
    DataDeletion,

    /// <summary>R-ALERT: at the recent rate (R-OVERVIEW's forecast) the credit runs out, and the subscription is disabled.</summary>
    CreditRunOut,
}

/// <summary>
/// One reminder to one administrator: the subscription, the profile-local day it happens and how many days are left; for a run-out,
/// the daily rate the forecast assumes.
/// </summary>
public sealed record StopReminder(
    StopReminderKind Kind, string ProfileName, string SubscriptionName, DateOnly Day, int DaysLeft, ReminderRecipient Recipient, Money? DailyRate = null);
