using Purser.Core.Invoicing;
using Purser.Engine.Invoicing;
using static Purser.Server.Downloads.CsvFields;

namespace Purser.Server.Downloads;

/// <summary>The reconciliation file (R-RECON): the SPEC's columns, one row per line item.</summary>
public static class ReconciliationCsv
{
    public static readonly IReadOnlyList<string> Header =
    [
        "partnerId", "customer", "subscriptionId", "orderId", "offer", "chargeType", "unitPrice", "quantity",
        "chargeStartDate", "chargeEndDate", "amount", "currency", "invoiceNumber",
    ];

    public static string FileName(string partnerId, int year, int month) => $"reconciliation_{partnerId}_{year:D4}-{month:D2}.csv";

    public static IEnumerable<string?> Fields(ReconciliationRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return
        [
            row.PartnerId, row.Customer, row.SubscriptionId.ToString("D"), row.OrderId, row.Offer, ChargeTypeText(row.ChargeType, row.Corrects),
            Number(row.UnitPrice), Number(row.Quantity), Day(row.ChargeStart), Day(row.ChargeEnd), Number(row.Amount), row.Currency, row.InvoiceNumber,
        ];
    }

    /// <summary>The charge types as R-RECON words them; a correction names what it corrects.</summary>
    public static string ChargeTypeText(ChargeType chargeType, ChargeType? corrects) => chargeType switch
    {
        ChargeType.Prepaid => "prepaid",
        ChargeType.Prorated => "prorated",
        ChargeType.Reversal => "reversal",
        ChargeType.CreditForUnusedDays => "credit for unused days",
        ChargeType.Usage => "usage",
        ChargeType.OneTime => "one-time",
        ChargeType.Correction when corrects is { } corrected => "correction of " + ChargeTypeText(corrected, null),
        _ => throw new ArgumentOutOfRangeException(nameof(chargeType), chargeType, "A correction names the charge type it corrects."),
    };
}
