using Purser.Engine.Accounts;
using Purser.Engine.Consumption;
using static Purser.Server.Arm.Consumption.ConsumptionShapes;
using static Purser.Server.Hosting.StoredDecimal;

namespace Purser.Server.Arm.Consumption;

/// <summary>Balances, charge summaries and price sheets in the JSON shapes of Microsoft.Consumption (AZURE-WIRE.md).</summary>
public static class CostShapes
{
    /// <summary>Balance: plain numbers (not <c>{currency,value}</c>), the currency once beside them.</summary>
    public static object Balance(string account, BalanceView b) => new
    {
        id = ArmIds.Consumption(ArmIds.BillingPeriod(ArmIds.Account(account), b.Month.Name), "balances", b.Month.Name),
        name = b.Month.Name,
        type = "Microsoft.Consumption/balances",
        etag = (string?)null,
        tags = new Dictionary<string, string>(),
        properties = new
        {
            currency = b.Currency,
            beginningBalance = Plain(b.BeginningBalance),
            endingBalance = Plain(b.EndingBalance),
            newPurchases = Plain(b.NewPurchases),
            adjustments = Plain(b.Adjustments),
            utilized = Plain(b.Utilized),
            serviceOverage = Plain(b.ServiceOverage),
            chargesBilledSeparately = Plain(b.ChargesBilledSeparately),
            totalOverage = Plain(b.TotalOverage),
            totalUsage = Plain(b.TotalUsage),
            azureMarketplaceServiceCharges = Plain(b.MarketplaceCharges),
            billingFrequency = "Month",
            priceHidden = false,
            newPurchasesDetails = b.NewPurchasesDetails.Select(Detail),
            adjustmentDetails = b.AdjustmentDetails.Select(Detail),
        },
    };

    /// <summary>A modern ChargeSummary of one billing profile; marketplace charges are among those billed separately (R-CE).</summary>
    public static object ChargeSummary(string account, ChargeSummaryView c)
    {
        var profileId = ArmIds.Profile(account, c.BillingProfileName);
        var name = ArmNames.StableId($"charges:{c.BillingProfileId:N}:{c.From:yyyy-MM-dd}:{c.To:yyyy-MM-dd}").ToString();
        return new
        {
            id = ArmIds.Consumption(profileId, "charges", name),
            name,
            type = "Microsoft.Consumption/charges",
            eTag = (string?)null,
            kind = "modern",
            properties = new
            {
                billingPeriodId = ArmIds.ProfileBillingPeriod(account, c.BillingProfileName, BillingMonth.Of(c.From).Name),
                usageStart = ArmDate.Of(c.From),
                usageEnd = ArmDate.Of(c.To),
                azureCharges = ArmAmount.Of(c.Currency, c.AzureCharges),
                chargesBilledSeparately = ArmAmount.Of(c.Currency, c.ChargesBilledSeparately),
                marketplaceCharges = ArmAmount.Of(c.Currency, c.ChargesBilledSeparately),
                billingAccountId = ArmIds.Account(account),
                billingProfileId = profileId,
                invoiceSectionId = (string?)null,
                customerId = (string?)null,
                isInvoiced = c.IsInvoiced,
            },
        };
    }

    /// <summary>PriceSheetResult: every price in one response, meter details always expanded.</summary>
    public static object PriceSheet(PriceSheetView sheet)
    {
        var period = ArmIds.BillingPeriod(ArmIds.Subscription(sheet.SubscriptionId), sheet.Month.Name);
        return new
        {
            id = ArmIds.Consumption(period, "pricesheets", "default"),
            name = "default",
            type = "Microsoft.Consumption/pricesheets",
            properties = new
            {
                pricesheets = sheet.Prices.Select(p => new
                {
                    billingPeriodId = period,
                    meterId = p.MeterId,
                    meterDetails = new { meterName = p.MeterName, meterCategory = p.Category, meterSubCategory = p.SubCategory, unit = p.Unit },
                    unitOfMeasure = p.Unit,
                    includedQuantity = 0m,
                    partNumber = (string?)null,
                    unitPrice = Plain(p.UnitPrice),
                    currencyCode = sheet.Currency,
                    offerId = sheet.OfferType.ToString(),
                }),
                nextLink = (string?)null,
            },
        };
    }

    private static object Detail(BalanceDetail d) => new { name = d.Name, value = Plain(d.Value) };
}
