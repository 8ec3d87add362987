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

    /// <summary>A billing cycle, the month its periods start in (2026年11月, November 2026).</summary>
    public string Month(int year, int month) => new DateOnly(year, month, 1).ToString(text["MonthFormat"], Culture);

    public string Instant(DateTimeOffset at) => at.ToString(text["DateTimeFormat"], Culture);

    /// <summary>An amount with its ISO code, as on invoices; amounts shown are already rounded to the currency (R-ROUND).</summary>
    public static string Money(Money money) =>
        new InvoiceNumbers(Culture, money.Currency.Code, money.Currency.MinorUnitDigits).Money(money.Amount);

    /// <summary>An invoice's amount, stored as a decimal beside its currency code.</summary>
    public static string Money(decimal amount, string currency) => Money(new Money(amount, Currency.Parse(currency)));

    public string Period(DateOnly start, DateOnly end) => string.Format(Culture, text["PeriodValue"], Date(start), Date(end));

    public string LotStatus(Core.Ledger.LotStatus status) => text["LotStatus_" + status];

    public string EventType(Core.Ledger.CreditEventType type) => text["EventType_" + type];

    public string InvoiceStatus(Core.Invoicing.InvoiceStatus status) => text["InvoiceStatus_" + status];

    /// <summary>A lot's source in the request's language; a source the resources do not name is shown as recorded.</summary>
    public string Source(string source)
    {
        var named = text["Source_" + source.Replace(" ", "", StringComparison.Ordinal)];
        return named.ResourceNotFound ? source : named.Value;
    }

    /// <summary>A line's charge type (R-RECON's words, in the request's language); a correction names what it corrects.</summary>
    public string ChargeType(Core.Invoicing.ChargeType type, Core.Invoicing.ChargeType? corrects) =>
        type == Core.Invoicing.ChargeType.Correction && corrects is { } corrected
            ? string.Format(Culture, text["ChargeTypeCorrection"], text["ChargeType_" + corrected])
            : text["ChargeType_" + type];

    public string Offer(Core.Lifecycle.OfferType offer) => text["Offer_" + offer];

    public string State(Core.Lifecycle.SubscriptionState state) => text["State_" + state];
}
