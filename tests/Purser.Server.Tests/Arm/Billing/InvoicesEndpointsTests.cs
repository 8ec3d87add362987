using System.Net;
using System.Text.Json;
using Purser.Engine;
using Purser.Testing;
using static Purser.Server.Tests.Arm.Billing.BillingTenant;

namespace Purser.Server.Tests.Arm.Billing;

public class InvoicesEndpointsTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Profile_invoices_in_a_period_carry_dates_amounts_and_credit_by_source(StorageEngine engine)
    {
        await using var api = await StartApiAsync(engine);
        var tenant = await BuildAsync(api);
        using var manager = tenant.As("InvoiceManager");
        var profileId = $"/providers/Microsoft.Billing/billingAccounts/{tenant.AccountName}/billingProfiles/{tenant.Development.Name}";

        var page = await BillingJson.GetAsync(manager, $"{tenant.ProfilePath(tenant.Development)}/invoices?periodStartDate=2019-08-05&periodEndDate=2019-09-05&{ApiVersion}");

        var invoices = page.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(tenant.DevelopmentInvoices.Take(2).Reverse(), invoices.Names());
        Assert.Equal(2, page.GetProperty("totalCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextLink").ValueKind);
        var first = invoices[1];
        Assert.Equal($"{profileId}/invoices/{tenant.DevelopmentInvoices[0]}", first.Str("id"));
        Assert.Equal("Microsoft.Billing/billingAccounts/billingProfiles/invoices", first.Str("type"));
        var p = first.Props();
        Assert.Equal(Day(2019, 8, 5), p.GetProperty("invoiceDate").GetDateTimeOffset());
        Assert.Equal(Day(2019, 9, 4), p.GetProperty("dueDate").GetDateTimeOffset());
        Assert.Equal(Day(2019, 7, 5), p.GetProperty("invoicePeriodStartDate").GetDateTimeOffset());
        Assert.Equal(Day(2019, 8, 4), p.GetProperty("invoicePeriodEndDate").GetDateTimeOffset());
        // The 10.00 charge drew the 4.00 promotional lot (earliest expiry) first, then 6.00 of prepaid credit.
        Assert.Equal([10.00m, 10.00m, 10.00m, 0m, 0m, 6.00m, 4.00m, 0m],
            p.Values("subTotal", "totalAmount", "billedAmount", "taxAmount", "amountDue", "azurePrepaymentApplied", "freeAzureCreditApplied", "creditAmount"));
        Assert.Equal("Paid", p.Str("status"));
        Assert.Equal("USD", p.GetProperty("amountDue").Str("currency"));
        Assert.Equal("PO-4711", p.Str("purchaseOrderNumber"));
        Assert.Equal(profileId, p.Str("billingProfileId"));
        Assert.Equal("AzureService", p.Str("invoiceType"));
        Assert.Equal(JsonValueKind.Array, p.GetProperty("documents").ValueKind);
        Assert.Empty(p.GetProperty("payments").EnumerateArray());
        Assert.Equal([7.00m, 7.00m, 0m], invoices[0].Props().Values("totalAmount", "azurePrepaymentApplied", "freeAzureCreditApplied"));

        var american = await BillingJson.ValuesAsync(manager, $"{tenant.ProfilePath(tenant.Development)}/invoices?periodStartDate=09-01-2019&periodEndDate=10-31-2019&{ApiVersion}");
        Assert.Equal(tenant.DevelopmentInvoices.Skip(1).Reverse(), american.Names());
        Assert.Equal(6.75m, american[0].Props().Value("subTotal"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Profile_invoices_need_both_period_dates_and_name_the_bad_one(StorageEngine engine)
    {
        await using var api = await StartApiAsync(engine);
        var tenant = await BuildAsync(api);
        using var op = api.Operator();
        var path = $"{tenant.ProfilePath(tenant.Development)}/invoices?{ApiVersion}";

        foreach (var (query, target, code) in new[]
                 {
                     ("", "periodStartDate", "MissingParameter"),
                     ("&periodStartDate=2019-01-01", "periodEndDate", "MissingParameter"),
                     ("&periodEndDate=2019-12-31", "periodStartDate", "MissingParameter"),
                     ("&periodStartDate=yesterday&periodEndDate=2019-12-31", "periodStartDate", "InvalidParameter"),
                     ("&periodStartDate=2019-01-01&periodEndDate=2019-13-45", "periodEndDate", "InvalidParameter"),
                     ("&periodStartDate=2019-12-31&periodEndDate=2019-01-01", "periodEndDate", "InvalidParameter"),
                 })
        {
            var error = (await BillingJson.GetAsync(op, path + query, HttpStatusCode.BadRequest)).GetProperty("error");
            Assert.Equal(code, error.Str("code"));
            Assert.Equal(target, error.Str("target"));
            Assert.Contains(target, error.Str("message"), StringComparison.Ordinal);
        }
        var accountError = (await BillingJson.GetAsync(op, $"{tenant.AccountPath}/invoices?periodStartDate=soon&{ApiVersion}", HttpStatusCode.BadRequest)).GetProperty("error");
        Assert.Equal("periodStartDate", accountError.Str("target"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_period_date_given_as_an_instant_is_the_profiles_local_day_of_it(StorageEngine engine)
    {
        await using var api = await StartApiAsync(engine);
        var tenant = await BuildAsync(api);
        using var op = api.Operator();
        // 2019-10-04T16:30Z is 00:30 on 10-05 in Shanghai, where the tenant's profiles count days: Development's third invoice is dated 10-05.
        const string fifth = "periodStartDate=2019-10-04T16:30:00Z&periodEndDate=2019-10-04T16:30:00Z";
        Assert.Equal([tenant.DevelopmentInvoices[2]], (await BillingJson.ValuesAsync(op, $"{tenant.ProfilePath(tenant.Development)}/invoices?{fifth}&{ApiVersion}")).Names());
        Assert.Equal([tenant.DevelopmentInvoices[2]], (await BillingJson.ValuesAsync(op, $"{tenant.AccountPath}/invoices?{fifth}&{ApiVersion}")).Names());

        // With a profile on Los Angeles time too, that instant is 10-04 there: no one day serves the whole account.
        await PurserApi.CreatedAsync(op, "/ops/billingProfiles", new { billingAccountId = tenant.AccountId, displayName = "Americas", currency = "USD", timeZone = "America/Los_Angeles" });
        var error = (await BillingJson.GetAsync(op, $"{tenant.AccountPath}/invoices?{fifth}&{ApiVersion}", HttpStatusCode.BadRequest)).GetProperty("error");
        Assert.Equal(("InvalidParameter", "periodStartDate"), (error.Str("code"), error.Str("target")));
        Assert.Equal([tenant.DevelopmentInvoices[2]], (await BillingJson.ValuesAsync(op, $"{tenant.AccountPath}/invoices?periodStartDate=2019-10-05&periodEndDate=2019-10-05&{ApiVersion}")).Names());
        // 2019-10-05T12:00Z is 10-05 in both zones.
        Assert.Equal([tenant.DevelopmentInvoices[2]], (await BillingJson.ValuesAsync(op, $"{tenant.AccountPath}/invoices?periodStartDate=2019-10-05T12:00:00Z&periodEndDate=2019-10-05&{ApiVersion}")).Names());
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Account_invoices_span_the_readable_profiles_and_one_is_read_by_name(StorageEngine engine)
    {
        await using var api = await StartApiAsync(engine);
        var tenant = await BuildAsync(api);
        using var reader = tenant.As("BillingAccountReader");

        var all = await BillingJson.GetAsync(reader, $"{tenant.AccountPath}/invoices?{ApiVersion}");
        var expected = new[] { tenant.DevelopmentInvoices[2], tenant.DevelopmentInvoices[1], tenant.OperationsInvoice, tenant.DevelopmentInvoices[0] };
        Assert.Equal(expected, all.GetProperty("value").EnumerateArray().Names());
        Assert.Equal(4, all.GetProperty("totalCount").GetInt32());
        var september = await BillingJson.ValuesAsync(reader, $"{tenant.AccountPath}/invoices?periodStartDate=2019-09-01&periodEndDate=2019-09-30&{ApiVersion}");
        Assert.Equal([tenant.DevelopmentInvoices[1], tenant.OperationsInvoice], september.Names());

        // Operations has no credit: its 50.00 is due since 2019-10-01, and today is 2019-10-10.
        var overdue = await BillingJson.GetAsync(reader, $"{tenant.AccountPath}/invoices/{tenant.OperationsInvoice}?{ApiVersion}");
        Assert.Equal($"/providers/Microsoft.Billing/billingAccounts/{tenant.AccountName}/billingProfiles/{tenant.Operations.Name}/invoices/{tenant.OperationsInvoice}", overdue.Str("id"));
        Assert.Equal("OverDue", overdue.Props().Str("status"));
        Assert.Equal([50.00m, 50.00m, 0m, 0m], overdue.Props().Values("totalAmount", "amountDue", "azurePrepaymentApplied", "freeAzureCreditApplied"));
        Assert.Equal("CNY", overdue.Props().GetProperty("amountDue").Str("currency"));
        Assert.Equal(Day(2019, 10, 1), overdue.Props().GetProperty("dueDate").GetDateTimeOffset());

        using var profileReader = tenant.As("BillingProfileReader");
        Assert.Equal(tenant.DevelopmentInvoices.AsEnumerable().Reverse(), (await BillingJson.ValuesAsync(profileReader, $"{tenant.AccountPath}/invoices?{ApiVersion}")).Names());
        Assert.Equal(tenant.DevelopmentInvoices[0], (await BillingJson.GetAsync(profileReader, $"{tenant.AccountPath}/invoices/{tenant.DevelopmentInvoices[0]}?{ApiVersion}")).Str("name"));
        Assert.Equal("AuthorizationFailed", (await BillingJson.GetAsync(profileReader, $"{tenant.AccountPath}/invoices/{tenant.OperationsInvoice}?{ApiVersion}", HttpStatusCode.Forbidden)).ErrorCode());
        Assert.Equal("NotFound", (await BillingJson.GetAsync(reader, $"{tenant.AccountPath}/invoices/G000000000?{ApiVersion}", HttpStatusCode.NotFound)).ErrorCode());
        using var stranger = tenant.As(Stranger);
        Assert.Equal("NotFound", (await BillingJson.GetAsync(stranger, $"{tenant.AccountPath}/invoices/{tenant.OperationsInvoice}?{ApiVersion}", HttpStatusCode.NotFound)).ErrorCode());
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Payments_received_for_an_invoice_are_listed_on_it_and_leave_the_rest_due(StorageEngine engine)
    {
        await using var api = await StartApiAsync(engine);
        var tenant = await BuildAsync(api);
        Guid invoiceId;
        await using (var db = api.Database.Store.CreateContext())
            invoiceId = db.Invoices.Single(i => i.InvoiceNumber == tenant.OperationsInvoice).Id;
        using var op = api.Operator();
        await PurserApi.CreatedAsync(op, $"/ops/invoices/{invoiceId}/payments",
            new { amount = 20.00m, method = "CreditCard", receivedAt = new DateTimeOffset(2019, 10, 8, 9, 30, 0, TimeSpan.Zero) });

        var invoice = await BillingJson.GetAsync(op, $"{tenant.AccountPath}/invoices/{tenant.OperationsInvoice}?{ApiVersion}");

        var payment = Assert.Single(invoice.Props().GetProperty("payments").EnumerateArray());
        Assert.Equal(20.00m, payment.Value("amount"));
        Assert.Equal("CNY", payment.GetProperty("amount").Str("currency"));
        Assert.Equal(new DateTimeOffset(2019, 10, 8, 9, 30, 0, TimeSpan.Zero), payment.GetProperty("date").GetDateTimeOffset());
        Assert.Equal("CreditCard", payment.Str("paymentMethodFamily"));
        // Past its due date an invoice is overdue however much of it was paid; what is due is what the payment left.
        Assert.Equal("OverDue", invoice.Props().Str("status"));
        Assert.Equal([50.00m, 30.00m], invoice.Props().Values("totalAmount", "amountDue"));
    }

    private static DateTimeOffset Day(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);
}
