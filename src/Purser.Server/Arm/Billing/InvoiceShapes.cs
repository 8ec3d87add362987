using Purser.Engine.Invoicing;

namespace Purser.Server.Arm.Billing;

/// <summary>
/// Invoice resources (Microsoft.Billing 2020-05-01): always named under their billing profile. The
/// amount due is what credit and payments leave; the one document is the invoice's PDF, at an
/// absolute URL on the server that was asked (<see cref="InvoiceDocumentsEndpoints"/>, <see cref="ArmIds.InvoicePdf"/>).
/// </summary>
public static class InvoiceShapes
{
    public static object Invoice(HttpRequest request, InvoiceRecord invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var profileId = ArmIds.Profile(invoice.AccountName, invoice.ProfileName);
        var currency = invoice.Currency;
        return new
        {
            id = ArmIds.Invoice(invoice),
            name = invoice.InvoiceNumber,
            type = ArmIds.InvoiceType,
            properties = new
            {
                dueDate = ArmDate.Of(invoice.DueDate),
                invoiceDate = ArmDate.Of(invoice.InvoiceDate),
                invoicePeriodStartDate = ArmDate.Of(invoice.PeriodStart),
                invoicePeriodEndDate = ArmDate.Of(invoice.PeriodEnd),
                status = invoice.Status.ToString(),
                amountDue = ArmAmount.Of(currency, invoice.AmountDue),
                azurePrepaymentApplied = ArmAmount.Of(currency, invoice.PrepaymentApplied),
                billedAmount = ArmAmount.Of(currency, invoice.TotalAmount),
                creditAmount = ArmAmount.Of(currency, 0m),
                freeAzureCreditApplied = ArmAmount.Of(currency, invoice.PromotionalCreditApplied),
                subTotal = ArmAmount.Of(currency, invoice.SubTotal),
                taxAmount = ArmAmount.Of(currency, invoice.TaxAmount),
                totalAmount = ArmAmount.Of(currency, invoice.TotalAmount),
                invoiceType = "AzureService",
                billingProfileId = profileId,
                billingProfileDisplayName = invoice.ProfileDisplayName,
                purchaseOrderNumber = invoice.PurchaseOrderNumber,
                documents = new[] { new { kind = "Invoice", url = ArmIds.InvoicePdf(request, invoice), source = "DRS" } },
                payments = invoice.Payments.Select(p => new
                {
                    amount = ArmAmount.Of(p.Currency, p.Amount),
                    date = p.ReceivedAt,
                    paymentMethodFamily = MethodFamily(p.Method),
                    paymentMethodType = p.Method,
                    paymentType = "Paid",
                }),
            },
        };
    }

    /// <summary>Our payment methods as the client's PaymentMethodFamily enum spells them.</summary>
    private static string MethodFamily(string method) => method switch
    {
        "CreditCard" => "CreditCard",
        "Credits" => "Credits",
        _ => "CheckWire",
    };
}
