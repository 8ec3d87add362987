using Purser.Core.Alerts;
using Purser.Core.Monetary;

namespace Purser.Engine.Notifications;

/// <summary>
/// R-ALERT: one threshold's alert fired (the remaining credit fell below it) or recovered (it is back
/// at or above it), told to one account administrator, on the profile-local day it happened.
/// </summary>
public sealed record CreditAlertNotice(string ProfileName, AlertTurn Turn, CreditAlertThreshold Threshold, Money Level, Money Remaining,
    DateOnly Day, ReminderRecipient To);
