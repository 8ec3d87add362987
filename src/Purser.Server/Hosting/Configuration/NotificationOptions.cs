using System.ComponentModel.DataAnnotations;

namespace Purser.Server.Hosting.Configuration;

/// <summary><c>Purser:Notifications</c>: when the notices to administrators go out.</summary>
public sealed class NotificationOptions : IPurserOptions
{
    public static string Section => "Purser:Notifications";

    /// <summary>The local hour of Monday, on each billing profile's clock, from which R-WEEKLY reminders go out.</summary>
    [Range(0, 23, ErrorMessage = "must be an hour between {1} and {2}")]
    public int WeeklyReminderHour { get; set; } = 9;
}
