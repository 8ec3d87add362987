using Purser.Core.Calendar;
using Purser.Core.Ledger;
using Purser.Core.Monetary;
using Purser.Engine.Usage;

namespace Purser.Engine.Subscriptions;

/// <summary>
/// R-OVERVIEW as the portal shows one subscription: what credit is left on its billing profile and
/// for how many days, the purchase the last days count from, the recent usage and the forecast,
/// and (R-DELETE-90, R-TRIAL) the day a disabled subscription loses its data; <see cref="Zone"/> is the
/// profile's, so a page shows every other instant on the same local calendar (R-CALENDAR).
/// </summary>
public sealed record SubscriptionOverview(
    SubscriptionView Subscription,
    BillingTimeZone Zone,
    string BillingProfileDisplayName,
    string? AccountAdministrator,
    Money RemainingCredit,
    int RemainingDays,
    DateOnly? PurchaseDate,
    DateOnly? CreditExpiresOn,
    DateOnly? DataDeletedOn,
    UsageSeries Usage,
    CreditForecast Forecast);
