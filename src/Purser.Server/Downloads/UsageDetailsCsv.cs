using System.Text.Json;
using Purser.Engine.Usage;
using static Purser.Server.Downloads.CsvFields;

namespace Purser.Server.Downloads;

/// <summary>Usage details as CSV (R-DOWNLOAD): one row per usage event, the fields of the usageDetails lines.</summary>
public static class UsageDetailsCsv
{
    public static readonly IReadOnlyList<string> Header =
    [
        "date", "timestamp", "billingAccountName", "billingProfileId", "billingProfileName", "subscriptionId", "subscriptionName",
        "meterId", "meterName", "meterCategory", "meterSubCategory", "unitOfMeasure", "isAzureCreditEligible",
        "quantity", "unitPrice", "cost", "currency", "resourceId", "tags", "eventSource", "eventId",
    ];

    public static IEnumerable<string?> Fields(UsageDetailLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var (o, m) = (line.Owner, line.Meter);
        return
        [
            Day(line.UsageDate), Instant(line.Timestamp), o.BillingAccountDisplayName, o.BillingProfileName, o.BillingProfileDisplayName,
            o.SubscriptionId.ToString("D"), o.SubscriptionName, m.Id.ToString("D"), m.Name, m.Category, m.SubCategory, m.Unit, Boolean(m.CreditEligible),
            Number(line.Quantity), Number(line.UnitPrice), Number(line.Cost), line.Currency, line.ResourceId,
            line.Tags.Count == 0 ? null : JsonSerializer.Serialize(line.Tags), line.EventSource, line.EventId,
        ];
    }
}
