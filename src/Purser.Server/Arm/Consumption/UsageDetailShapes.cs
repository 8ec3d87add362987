using System.Text.Json;
using Purser.Core.Invoicing;
using Purser.Engine.Accounts;
using Purser.Engine.Usage;
using static Purser.Server.Arm.Consumption.ConsumptionShapes;
using static Purser.Server.Hosting.StoredDecimal;

namespace Purser.Server.Arm.Consumption;

/// <summary>
/// Usage detail lines as Microsoft.Consumption's UsageDetail (AZURE-WIRE.md): kind <c>legacy</c>
/// at subscription scope, <c>modern</c> at billing account and profile scope, spelled exactly so
/// (the client's discriminator is case-sensitive). Ids are ARM names, names as displayed; the
/// event that made the line is named in <c>additionalInfo</c>.
/// </summary>
public static class UsageDetailShapes
{
    public const string Type = "Microsoft.Consumption/usageDetails";

    public static object Legacy(string scopePath, UsageDetailLine line)
    {
        var (o, m) = (line.Owner, line.Meter);
        return new
        {
            id = Id(scopePath, line),
            name = Name(line),
            type = Type,
            etag = (string?)null,
            tags = line.Tags,
            kind = "legacy",
            properties = new
            {
                billingAccountId = o.BillingAccountName,
                billingAccountName = o.BillingAccountDisplayName,
                billingPeriodStartDate = ArmDate.Of(line.BillingPeriodStart),
                billingPeriodEndDate = ArmDate.Of(line.BillingPeriodEnd),
                billingProfileId = o.BillingProfileName,
                billingProfileName = o.BillingProfileDisplayName,
                subscriptionId = o.SubscriptionId.ToString("D"),
                subscriptionName = o.SubscriptionName,
                date = ArmDate.Of(line.UsageDate),
                product = m.Name,
                partNumber = (string?)null,
                meterId = m.Id,
                meterDetails = new { meterName = m.Name, meterCategory = m.Category, meterSubCategory = m.SubCategory, unitOfMeasure = m.Unit },
                quantity = Plain(line.Quantity),
                effectivePrice = Priced(line.UnitPrice),
                cost = Priced(line.Cost),
                unitPrice = Priced(line.UnitPrice),
                billingCurrency = line.Currency,
                resourceLocation = (string?)null,
                consumedService = (string?)null,
                resourceId = line.ResourceId,
                resourceName = ResourceName(line.ResourceId),
                resourceGroup = ResourceGroup(line.ResourceId),
                additionalInfo = AdditionalInfo(line),
                isAzureCreditEligible = m.CreditEligible,
                chargeType = nameof(ChargeType.Usage),
                frequency = "UsageBased",
                publisherType = "Azure",
                pricingModel = "OnDemand",
                payGPrice = Priced(line.UnitPrice),
            },
        };
    }

    public static object Modern(string scopePath, UsageDetailLine line)
    {
        var (o, m) = (line.Owner, line.Meter);
        var usd = string.Equals(line.Currency, "USD", StringComparison.Ordinal);
        return new
        {
            id = Id(scopePath, line),
            name = Name(line),
            type = Type,
            etag = (string?)null,
            tags = line.Tags,
            kind = "modern",
            properties = new
            {
                billingAccountId = o.BillingAccountName,
                billingAccountName = o.BillingAccountDisplayName,
                billingProfileId = o.BillingProfileName,
                billingProfileName = o.BillingProfileDisplayName,
                billingPeriodStartDate = ArmDate.Of(line.BillingPeriodStart),
                billingPeriodEndDate = ArmDate.Of(line.BillingPeriodEnd),
                subscriptionGuid = o.SubscriptionId.ToString("D"),
                subscriptionName = o.SubscriptionName,
                date = ArmDate.Of(line.UsageDate),
                product = m.Name,
                meterId = m.Id,
                meterName = m.Name,
                meterCategory = m.Category,
                meterSubCategory = m.SubCategory,
                serviceFamily = m.Category,
                quantity = Plain(line.Quantity),
                unitOfMeasure = m.Unit,
                instanceName = line.ResourceId,
                resourceId = line.ResourceId,
                resourceGroup = ResourceGroup(line.ResourceId),
                additionalInfo = AdditionalInfo(line),
                isAzureCreditEligible = m.CreditEligible,
                publisherType = "Azure",
                chargeType = nameof(ChargeType.Usage),
                frequency = "UsageBased",
                pricingModel = "OnDemand",
                billingCurrencyCode = line.Currency,
                pricingCurrencyCode = line.Currency,
                exchangeRatePricingToBilling = 1m,
                effectivePrice = Priced(line.UnitPrice),
                unitPrice = Priced(line.UnitPrice),
                payGPrice = Priced(line.UnitPrice),
                marketPrice = Priced(line.UnitPrice),
                costInBillingCurrency = Priced(line.Cost),
                costInPricingCurrency = Priced(line.Cost),
                paygCostInBillingCurrency = Priced(line.Cost),
                costInUSD = usd ? Priced(line.Cost) : null,
                paygCostInUSD = usd ? Priced(line.Cost) : null,
            },
        };
    }

    /// <summary>Stable per event: a GUID-shaped hash of its source and id.</summary>
    public static string Name(UsageDetailLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return ArmNames.StableId($"usage:{line.EventSource}:{line.EventId}").ToString();
    }

    private static string Id(string scopePath, UsageDetailLine line) => ArmIds.Consumption(scopePath, "usageDetails", Name(line));

    private static string AdditionalInfo(UsageDetailLine line) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["EventSource"] = line.EventSource, ["EventId"] = line.EventId });

    private static decimal? Priced(decimal? value) => value is { } v ? Plain(v) : null;

    private static string? ResourceName(string? resourceId) =>
        string.IsNullOrEmpty(resourceId) ? null : resourceId.TrimEnd('/').Split('/')[^1];

    private static string? ResourceGroup(string? resourceId)
    {
        var parts = resourceId?.Split('/') ?? [];
        var at = Array.FindIndex(parts, p => string.Equals(p, "resourceGroups", StringComparison.OrdinalIgnoreCase));
        return at >= 0 && at + 1 < parts.Length ? parts[at + 1] : null;
    }
}
