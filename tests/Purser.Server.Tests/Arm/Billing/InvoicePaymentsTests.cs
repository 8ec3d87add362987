using System.Net;
using System.Text.Json;
using Purser.Engine;
using Purser.Server.Tests.Operator;
using Purser.Server.Tests.Reliability;
using Purser.Testing;
using static Purser.Server.Tests.Arm.Billing.LicenseInvoiceWorld;

namespace Purser.Server.Tests.Arm.Billing;

public class InvoicePaymentsTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Payments_take_an_invoice_from_Due_to_PartiallyPaid_to_Paid_and_one_more_is_refused_without_writing(StorageEngine engine)
    {
        await using var api = await StartApiAsync(engine);
        var world = await BuildAsync(api);
        Assert.Equal(("Due", AmountDue), Standing(await world.InvoiceAsync()));

        var first = await AccountsApiTests.ReadAsync(await world.PayAsync(100.00m, "CreditCard"), HttpStatusCode.Created);
        Assert.Equal(["PartiallyPaid", world.InvoiceNumber, "CNY", "CreditCard"], first.Strs("status", "invoiceNumber", "currency", "method"));
        Assert.Equal([100.00m, 100.00m, 88.88m], new[] { first.GetProperty("amount").GetDecimal(), first.GetProperty("amountPaid").GetDecimal(), first.GetProperty("amountDue").GetDecimal() });
        Assert.Equal(world.InvoiceId, first.GetProperty("invoiceId").GetGuid());
        Assert.Equal(api.Clock.GetUtcNow(), first.GetProperty("receivedAt").GetDateTimeOffset());
        Assert.Equal(("PartiallyPaid", 88.88m), Standing(await world.InvoiceAsync()));

        var second = await AccountsApiTests.ReadAsync(await world.PayAsync(88.88m), HttpStatusCode.Created);
        Assert.Equal("Paid", second.Str("status"));
        Assert.Equal(0m, second.GetProperty("amountDue").GetDecimal());
        var paid = await world.InvoiceAsync();
        Assert.Equal(("Paid", 0m), Standing(paid));
        Assert.Equal([100.00m, 88.88m], paid.Props().GetProperty("payments").EnumerateArray().Select(p => p.Value("amount")));
        Assert.Equal(["CreditCard", "CheckWire"], paid.Props().GetProperty("payments").EnumerateArray().Select(p => p.Str("paymentMethodFamily")));
        // The invoice as issued is unchanged: what was billed and what credit paid stay, only payments grew.
        Assert.Equal([SubTotal, SubTotal, CreditApplied], paid.Props().Values("subTotal", "totalAmount", "freeAzureCreditApplied"));

        // Only the refused payment may write between the snapshots, and it must not: a minute job's run must not look like a write.
        await api.StopBackgroundWorkAsync();
        var before = await DbSnapshot.TakeAsync(api.Database.Store);
        var third = await AccountsApiTests.ReadAsync(await world.PayAsync(0.01m), HttpStatusCode.BadRequest);
        Assert.Equal("PaymentExceedsAmountDue", third.ErrorCode());
        Assert.Equal("amount", third.GetProperty("error").Str("target"));
        Assert.Contains(world.InvoiceNumber, third.GetProperty("error").Str("message"), StringComparison.Ordinal);
        Assert.Equal("", (await DbSnapshot.TakeAsync(api.Database.Store)).ChangesSince(before));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Payments_racing_on_one_invoice_never_pay_more_than_was_due(StorageEngine engine)
    {
        await using var api = await StartApiAsync(engine);
        var world = await BuildAsync(api);

        var replies = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => world.PayAsync(100.00m)));

        Assert.Equal(1, replies.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in replies.Where(r => r.StatusCode != HttpStatusCode.Created))
            Assert.Equal("PaymentExceedsAmountDue", (await AccountsApiTests.ReadAsync(refused, HttpStatusCode.BadRequest)).ErrorCode());
        Assert.Equal(("PartiallyPaid", 88.88m), Standing(await world.InvoiceAsync()));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_invoice_is_overdue_from_the_local_midnight_after_its_due_date_in_Shanghai_not_UTC_s(StorageEngine engine)
    {
        await using var api = await StartApiAsync(engine);
        var world = await BuildAsync(api);

        api.AdvanceClockTo(DueDateEnds.AddMinutes(-2));
        Assert.Equal(("Due", AmountDue), Standing(await world.InvoiceAsync()));
        Assert.Equal(HttpStatusCode.Created, (await world.PayAsync(50.00m)).StatusCode);
        Assert.Equal(("PartiallyPaid", 138.88m), Standing(await world.InvoiceAsync()));

        // 16:02 UTC on 07-15: still the due date in UTC, already 07-16 in Shanghai.
        api.AdvanceClockTo(DueDateEnds.AddMinutes(2));
        Assert.Equal(new DateOnly(2026, 7, 15), DateOnly.FromDateTime(api.Clock.GetUtcNow().UtcDateTime));
        Assert.Equal(("OverDue", 138.88m), Standing(await world.InvoiceAsync()));
        var settled = await AccountsApiTests.ReadAsync(await world.PayAsync(138.88m), HttpStatusCode.Created);
        Assert.Equal("Paid", settled.Str("status"));
        Assert.Equal(("Paid", 0m), Standing(await world.InvoiceAsync()));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_payment_names_what_is_wrong_with_it_and_writes_nothing(StorageEngine engine)
    {
        await using var api = await StartApiAsync(engine);
        var world = await BuildAsync(api);
        using var op = api.Operator();
        // Only the refused payment may write between the snapshots, and it must not: a minute job's run must not look like a write.
        await api.StopBackgroundWorkAsync();
        var before = await DbSnapshot.TakeAsync(api.Database.Store);

        foreach (var (path, body, status, code, target) in new (string, object, HttpStatusCode, string, string?)[]
                 {
                     ($"/ops/invoices/{Guid.NewGuid()}/payments", new { amount = 10m, method = "WireTransfer" }, HttpStatusCode.NotFound, "NotFound", "invoiceId"),
                     (world.PaymentsPath, new { amount = 0m, method = "WireTransfer" }, HttpStatusCode.BadRequest, "InvalidField", "amount"),
                     (world.PaymentsPath, new { amount = -5m, method = "WireTransfer" }, HttpStatusCode.BadRequest, "InvalidField", "amount"),
                     (world.PaymentsPath, new { amount = 10.005m, method = "WireTransfer" }, HttpStatusCode.BadRequest, "InvalidField", "amount"),
                     (world.PaymentsPath, new { amount = 188.89m, method = "WireTransfer" }, HttpStatusCode.BadRequest, "PaymentExceedsAmountDue", "amount"),
                     (world.PaymentsPath, new { amount = 10m, method = "Bitcoin" }, HttpStatusCode.BadRequest, "InvalidField", "method"),
                     (world.PaymentsPath, new { amount = 10m }, HttpStatusCode.BadRequest, "MissingField", "method"),
                     (world.PaymentsPath, new { amount = 10m, method = "Check", receivedAt = api.Clock.GetUtcNow().AddMinutes(5) }, HttpStatusCode.BadRequest, "InvalidField", "receivedAt"),
                     (world.PaymentsPath, new { amount = 10m, method = "Check", receivedAt = api.Clock.GetUtcNow().AddDays(-1) }, HttpStatusCode.BadRequest, "InvalidField", "receivedAt"),
                 })
        {
            var error = (await AccountsApiTests.ReadAsync(await PurserApi.PostAsync(op, path, body), status)).GetProperty("error");
            Assert.Equal(code, error.Str("code"));
            if (target is not null)
                Assert.Equal(target, error.Str("target"));
        }
        Assert.Equal("", (await DbSnapshot.TakeAsync(api.Database.Store)).ChangesSince(before));
    }

    private static (string Status, decimal AmountDue) Standing(JsonElement invoice) =>
        (invoice.Props().Str("status"), invoice.Props().Value("amountDue"));
}
