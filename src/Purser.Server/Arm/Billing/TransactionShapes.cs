using Purser.Core.Invoicing;
using Purser.Engine.Accounts;
using Purser.Engine.Invoicing;
using Purser.Server.Hosting;

namespace Purser.Server.Arm.Billing;

/// <summary>
/// Transaction resources (Microsoft.Billing 2020-05-01, the Transaction mapper of @azure/arm-billing
/// 4.1.0): one invoice line item each, its amounts in the invoice's currency as the line stores them.
/// </summary>
public static class TransactionShapes
{
    private const string AzurePlan = "Microsoft Azure Plan";

    public static object Transaction(InvoiceRecord invoice, InvoiceLineRecord line)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(line);
        var currency = invoice.Currency;
        // A line has no name of its own on the wire; one derived from its invoice and row keeps the same name on every read.
        var name = ArmNames.StableId($"transaction:{invoice.Id:N}:{line.Id}").ToString("D");
        return new
        {
            id = ArmIds.Transaction(invoice.AccountName, name),
            name,
            type = ArmIds.TransactionType,
            properties = new
            {
                kind = "all",
                date = ArmDate.Of(line.StartDate),
                invoice = invoice.InvoiceNumber,
                invoiceId = ArmIds.Invoice(invoice),
                productFamily = line.MeterCategory,
                productTypeId = line.MeterId?.ToString("D"),
                productType = line.MeterName,
                productDescription = line.Description,
                transactionType = line.ChargeType == ChargeType.Usage ? "Usage Charge" : "Purchase",
                transactionAmount = ArmAmount.Of(currency, line.Amount),
                quantity = StoredDecimal.Plain(line.Quantity),
                billingProfileId = ArmIds.Profile(invoice.AccountName, invoice.ProfileName),
                billingProfileDisplayName = invoice.ProfileDisplayName,
                subscriptionId = line.SubscriptionId?.ToString("D"),
                subscriptionName = line.SubscriptionName,
                azurePlan = AzurePlan,
                azureCreditApplied = ArmAmount.Of(currency, line.CreditApplied),
                billingCurrency = currency,
                discount = 0m,
                effectivePrice = ArmAmount.Of(currency, line.UnitPrice),
                exchangeRate = 1m,
                marketPrice = ArmAmount.Of(currency, line.UnitPrice),
                pricingCurrency = currency,
                servicePeriodStartDate = ArmDate.Of(line.StartDate),
                servicePeriodEndDate = ArmDate.Of(line.EndDate),
                subTotal = ArmAmount.Of(currency, line.Amount),
                tax = ArmAmount.Of(currency, 0m),
                unitOfMeasure = line.Unit,
                units = StoredDecimal.Plain(line.Quantity),
                unitType = line.Unit,
            },
        };
    }
}
