using System.Collections;
using System.Globalization;
using System.Resources;
using Purser.Core.Invoicing;

namespace Purser.Server.Documents;

/// <summary>
/// The words of one invoice language, from the <c>InvoicePdfText</c> resources (the neutral file is
/// Simplified Chinese, the product's default), and its dates in the language's culture.
/// </summary>
internal sealed class InvoiceText
{
    private static readonly ResourceManager Resources = new("Purser.Server.Documents.InvoicePdfText", typeof(InvoiceText).Assembly);

    /// <summary>The languages invoices are written in; the first is used for any other.</summary>
    public static readonly IReadOnlyList<string> Languages = ["zh-Hans", "zh-Hant", "en"];

    private readonly string _dateFormat;

    private InvoiceText(CultureInfo culture)
    {
        Culture = culture;
        _dateFormat = this["DateFormat"];
    }

    public CultureInfo Culture { get; }

    public static InvoiceText For(string? language)
    {
        var known = Languages.FirstOrDefault(l => string.Equals(l, language, StringComparison.OrdinalIgnoreCase)) ?? Languages[0];
        return new(CultureInfo.GetCultureInfo(known));
    }

    public string this[string key] =>
        Resources.GetString(key, Culture) ?? throw new InvalidOperationException($"InvoicePdfText has no text named {key}.");

    /// <summary>Every text of the language run together, for choosing a font that can set them.</summary>
    public string AllWords() =>
        string.Concat(Resources.GetResourceSet(Culture, createIfNotExists: true, tryParents: true)!.Cast<DictionaryEntry>().Select(e => e.Value as string));

    public string ChargeType(ChargeType chargeType) => Named("ChargeType_", chargeType.ToString(), nameof(InvoiceDocumentLine.ChargeType));

    public string Status(InvoiceStatus status) => Named("Status_", status.ToString(), nameof(InvoiceDocument.Status));

    public string Date(DateOnly day) => day.ToString(_dateFormat, Culture);

    public string DateRange(DateOnly first, DateOnly last) => string.Format(Culture, this["DateRange"], Date(first), Date(last));

    public string PageNumber(int page, int pageCount) => string.Format(Culture, this["PageNumber"], page, pageCount);

    // An unknown value is a mapping bug upstream; printing the raw code on a customer's invoice would hide it.
    private string Named(string prefix, string value, string field) =>
        Resources.GetString(prefix + value, Culture) ?? throw new ArgumentException($"'{value}' is not a known {field} of an invoice.", field);
}
