using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Purser.Engine;
using Purser.Testing;
using static Purser.Server.Tests.Arm.Billing.LicenseInvoiceWorld;

namespace Purser.Server.Tests.Arm.Billing;

public class InvoiceTransactionsTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_invoice_s_transactions_are_its_line_items_to_the_cent(StorageEngine engine)
    {
        await using var api = await StartApiAsync(engine);
        var world = await BuildAsync(api);
        using var reader = api.Client(world.ReaderToken);

        var page = await BillingJson.GetAsync(reader, $"{world.InvoicePath}/transactions?{ApiVersion}");

        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextLink").ValueKind);
        var transactions = page.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(Lines.Count, transactions.Count);
        Assert.Equal(transactions.Count, transactions.Select(t => t.Str("name")).Distinct().Count());
        var accountId = $"/providers/Microsoft.Billing/billingAccounts/{world.AccountName}";
        for (var i = 0; i < Lines.Count; i++)
        {
            var (t, line) = (transactions[i], Lines[i]);
            var at = $"transaction {i} ({line.Description})";
            Assert.True(t.Str("id") == $"{accountId}/transactions/{t.Str("name")}", at);
            Assert.Equal("Microsoft.Billing/billingAccounts/transactions", t.Str("type"));
            var p = t.Props();
            Assert.Equal(["all", world.InvoiceNumber, $"{world.ProfileId}/invoices/{world.InvoiceNumber}", line.Description, world.ProfileId, "云启生产", line.Subscription, "CNY"],
                p.Strs("kind", "invoice", "invoiceId", "productDescription", "billingProfileId", "billingProfileDisplayName", "subscriptionName", "billingCurrency"));
            Assert.Equal(line.ChargeType == "Usage" ? "Usage Charge" : "Purchase", p.Str("transactionType"));
            Assert.Equal([line.Amount, line.Amount, line.Credit, line.UnitPrice, 0m],
                p.Values("transactionAmount", "subTotal", "azureCreditApplied", "effectivePrice", "tax"));
            Assert.Equal(["CNY", "CNY", "CNY", "CNY"], p.Strs("billingCurrency", "pricingCurrency").Concat([p.GetProperty("transactionAmount").Str("currency"), p.GetProperty("marketPrice").Str("currency")]));
            Assert.Equal(line.Quantity, p.GetProperty("quantity").GetDecimal());
            Assert.Equal(Day(line.Start), p.GetProperty("date").GetDateTimeOffset());
            Assert.Equal(Day(line.Start), p.GetProperty("servicePeriodStartDate").GetDateTimeOffset());
            Assert.Equal(Day(line.End), p.GetProperty("servicePeriodEndDate").GetDateTimeOffset());
        }
        var license = transactions[^1].Props();
        Assert.Equal(["Licenses", "Microsoft 365 E3", world.LicenseMeterId.ToString(), "1 Seat/Month"], license.Strs("productFamily", "productType", "productTypeId", "unitOfMeasure"));
        Assert.Equal(JsonValueKind.Null, transactions[0].Props().GetProperty("unitOfMeasure").ValueKind);

        var invoice = await BillingJson.GetAsync(reader, $"{world.InvoicePath}?{ApiVersion}");
        Assert.Equal(invoice.Props().Value("subTotal"), transactions.Sum(t => t.Props().Value("transactionAmount")));
        Assert.Equal(invoice.Props().Value("freeAzureCreditApplied"), transactions.Sum(t => t.Props().Value("azureCreditApplied")));
        Assert.Equal([SubTotal, CreditApplied, AmountDue], invoice.Props().Values("subTotal", "freeAzureCreditApplied", "amountDue"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Transactions_page_with_nextLink_keeping_the_api_version(StorageEngine engine)
    {
        await using var api = await StartApiAsync(engine);
        var world = await BuildAsync(api);
        using var op = api.Operator();
        var all = await BillingJson.ValuesAsync(op, $"{world.InvoicePath}/transactions?{ApiVersion}");

        var pages = new List<List<JsonElement>>();
        string? next = $"{world.InvoicePath}/transactions?$top=2&{ApiVersion}";
        while (next is not null)
        {
            Assert.True(pages.Count < 10, "nextLink never ends");
            var page = await BillingJson.GetAsync(op, next);
            pages.Add(page.GetProperty("value").EnumerateArray().ToList());
            next = page.GetProperty("nextLink").GetString();
            if (next is not null)
                Assert.Equal("2020-05-01", Assert.Single(QueryHelpers.ParseQuery(new Uri(next).Query)["api-version"]));
        }

        Assert.Equal([2, 2, 1], pages.Select(p => p.Count));
        Assert.Equal(all.Names(), pages.SelectMany(p => p).Names());
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Transactions_are_read_like_their_invoice(StorageEngine engine)
    {
        await using var api = await StartApiAsync(engine);
        var world = await BuildAsync(api);
        var path = $"{world.InvoicePath}/transactions?{ApiVersion}";
        using var noRole = api.Client(world.NoRoleToken);
        using var stranger = api.Client(world.StrangerToken);

        Assert.Equal("AuthorizationFailed", (await BillingJson.GetAsync(noRole, path, HttpStatusCode.Forbidden)).ErrorCode());
        Assert.Equal("NotFound", (await BillingJson.GetAsync(stranger, path, HttpStatusCode.NotFound)).ErrorCode());
        using var op = api.Operator();
        var unknown = $"{world.InvoicePath[..^world.InvoiceNumber.Length]}G999999999/transactions?{ApiVersion}";
        Assert.Equal("NotFound", (await BillingJson.GetAsync(op, unknown, HttpStatusCode.NotFound)).ErrorCode());
    }

    private static DateTimeOffset Day(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
