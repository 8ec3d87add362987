using Purser.Core.Monetary;

namespace Purser.Engine.Notifications;

/// <summary>R-ALERT: a credit lot with <paramref name="Remaining"/> left that expires on the profile-local day <paramref name="ExpiresOn"/>, told to one administrator.</summary>
public sealed record ExpiringCreditNotice(string ProfileName, Money Remaining, DateOnly ExpiresOn, int DaysLeft, ReminderRecipient To);
