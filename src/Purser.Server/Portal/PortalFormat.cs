using System.Globalization;
using Microsoft.Extensions.Localization;
using Purser.Core.Monetary;
using Purser.Server.Documents;

namespace Purser.Server.Portal;

/// <summary>Dates and money in the request's language: patterns from the resources, separators and currency pattern from its culture.</summary>
internal sealed class PortalFormat(IStringLocalizer<PortalText> text)
{
    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    public string Date(DateOnly day) => day.ToString(text["DateFormat"], Culture);

    public string ShortDate(DateOnly day) => day.ToString(text["ShortDateFormat"], Culture);

    public string Instant(DateTimeOffset at) => at.ToString(text["DateTimeFormat"], Culture);

    /// <summary>An amount with its ISO code, as on invoices; amounts shown are already rounded to the currency (R-ROUND).</summary>
    public static string Money(Money money) =>
        new InvoiceNumbers(Culture, money.Currency.Code, money.Currency.MinorUnitDigits).Money(money.Amount);

    public string Offer(Core.Lifecycle.OfferType offer) => text["Offer_" + offer];

    public string State(Core.Lifecycle.SubscriptionState state) => text["State_" + state];
}
