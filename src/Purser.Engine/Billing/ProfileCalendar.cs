using Purser.Core.Calendar;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Billing;

internal static class ProfileCalendar
{
    /// <summary>The profile's billing calendar (R-CALENDAR): the only way the engine turns instants into money's days.</summary>
    public static BillingCalendar Calendar(this BillingProfile profile) => BillingCalendar.Of(profile.TimeZone, profile.InvoiceDay);
}
