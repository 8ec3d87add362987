using Purser.Core.Invoicing;
using Purser.Server.Documents;

namespace Purser.Server.Tests.Documents;

public class InvoicePdfAmountTests
{
    [Fact]
    public void Yen_amounts_have_no_decimals_but_a_finer_unit_price_keeps_its_own()
    {
        var page = Assert.Single(Poppler.Pages(InvoicePdf.Render(InvoiceSamples.Tokyo(), "en")));

        Assert.Contains("Usage 24,000 0.5 0 12,000", page);
        Assert.Contains("One-time 1 111,456 1,000 111,456", page);
        Assert.Contains("Subtotal JPY 123,456", page);
        Assert.Contains("Tax JPY 12,346", page);
        Assert.Contains("Total JPY 135,802", page);
        Assert.Contains("Credit applied -JPY 1,000", page);
        Assert.Contains("Amount paid -JPY 134,802", page);
        Assert.Contains("Amount due JPY 0", page);
        Assert.Contains("Status Paid", page);
        Assert.DoesNotContain(page, line => line.Contains("123,456.", StringComparison.Ordinal));
    }

    [Fact]
    public void Dinar_amounts_have_three_decimals()
    {
        var invoice = InvoiceSamples.Singapore() with
        {
            Currency = "KWD", MinorUnitDigits = 3,
            Lines = [InvoiceSamples.Singapore().Lines[0] with { Quantity = 1, UnitPrice = 1234.567m, Amount = 1234.567m }],
            SubTotal = 1234.567m, Total = 1234.567m, AmountPaid = 0m, AmountDue = 1234.567m,
        };

        var page = Assert.Single(Poppler.Pages(InvoicePdf.Render(invoice, "zh-Hans")));

        Assert.Contains("预付费 1 1,234.567 0.000 1,234.567", page);
        Assert.Contains("应付金额 KWD 1,234.567", page);
        Assert.Contains("已付款 KWD 0.000", page);
    }

    [Fact]
    public void An_invoice_without_Chinese_names_a_partial_payment_as_a_deduction()
    {
        var page = Assert.Single(Poppler.Pages(InvoicePdf.Render(InvoiceSamples.Singapore(), "en")));

        Assert.Contains("Status Partially paid", page);
        Assert.Contains("Prepaid 4 112.25 0.00 449.00", page);
        Assert.Contains("Amount paid -USD 200.00", page);
        Assert.Contains("Amount due USD 249.00", page);
        Assert.DoesNotContain(page, line => line.StartsWith("PO number", StringComparison.Ordinal));
    }

    [Fact]
    public void An_amount_finer_than_the_currency_is_refused_rather_than_rounded_again()
    {
        var invoice = InvoiceSamples.Shanghai() with { AmountDue = 1208.575m };

        var refused = Assert.Throws<ArgumentException>(() => InvoicePdf.Render(invoice, "zh-Hans"));

        Assert.Contains("1208.575", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_charge_type_is_refused_rather_than_printed_as_a_code()
    {
        var invoice = InvoiceSamples.Shanghai() with { Lines = [InvoiceSamples.Shanghai().Lines[0] with { ChargeType = (ChargeType)99 }] };

        var refused = Assert.Throws<ArgumentException>(() => InvoicePdf.Render(invoice, "en"));

        Assert.Contains("'99'", refused.Message, StringComparison.Ordinal);
    }
}
