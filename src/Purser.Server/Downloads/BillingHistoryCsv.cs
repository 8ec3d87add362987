using Purser.Engine.Invoicing;
using static Purser.Server.Downloads.CsvFields;

namespace Purser.Server.Downloads;

/// <summary>Billing history as CSV (R-DOWNLOAD): one row per invoice line item.</summary>
public static class BillingHistoryCsv
{
    public static readonly IReadOnlyList<string> Header =
    [
        "invoiceNumber", "invoiceDate", "periodStart", "periodEnd", "subscriptionId", "subscriptionName", "description", "chargeType",
        "serviceStart", "serviceEnd", "unitPrice", "quantity", "amount", "creditApplied", "currency",
    ];

    public static IEnumerable<string?> Fields(BillingHistoryLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return
        [
            line.InvoiceNumber, Day(line.InvoiceDate), Day(line.PeriodStart), Day(line.PeriodEnd), line.SubscriptionId?.ToString("D"),
            line.SubscriptionName, line.Description, line.ChargeType.ToString(), Day(line.ServiceStart), Day(line.ServiceEnd),
            Number(line.UnitPrice), Number(line.Quantity), Number(line.Amount), Number(line.CreditApplied), line.Currency,
        ];
    }
}
