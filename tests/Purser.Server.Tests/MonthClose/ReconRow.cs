using System.Globalization;
using Purser.Testing;

namespace Purser.Server.Tests.MonthClose;

/// <summary>What a test expects of one reconciliation row, written out by hand: the money columns.</summary>
public sealed record Line(string ChargeType, decimal Quantity, decimal UnitPrice, DateOnly Start, DateOnly End, decimal Amount);

/// <summary>One row of a reconciliation file as read back from the CSV.</summary>
public sealed record ReconRow(string PartnerId, string Customer, string SubscriptionId, string OrderId, string Offer, string ChargeType,
    decimal UnitPrice, decimal Quantity, DateOnly Start, DateOnly End, decimal Amount, string Currency, string InvoiceNumber)
{
    public static readonly IReadOnlyList<string> Header = ["partnerId", "customer", "subscriptionId", "orderId", "offer", "chargeType", "unitPrice",
        "quantity", "chargeStartDate", "chargeEndDate", "amount", "currency", "invoiceNumber"];

    public Line Line => new(ChargeType, Quantity, UnitPrice, Start, End, Amount);

    /// <summary>The rows of a reconciliation file, after checking its header.</summary>
    public static List<ReconRow> Parse(string csv)
    {
        var rows = CsvReading.Rows(csv.TrimStart('\uFEFF'));
        Assert.Equal(Header, rows[0]);
        return [.. rows.Skip(1).Select(r => new ReconRow(r[0], r[1], r[2], r[3], r[4], r[5], Number(r[6]), Number(r[7]), Day(r[8]), Day(r[9]),
            Number(r[10]), r[11], r[12]))];
    }

    private static decimal Number(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
