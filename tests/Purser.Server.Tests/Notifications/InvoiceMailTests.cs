using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Purser.Engine;
using Purser.Engine.Notifications;
using Purser.Engine.Webhooks;
using Purser.Server.Tests.Documents;
using Purser.Testing;

namespace Purser.Server.Tests.Notifications;

/// <summary>
/// The invoice e-mail over real SMTP: a Kiritimati profile's October closed at 00:20 local on 1 November (still 31 October in
/// UTC) is told to each administrator once, in their language, with the invoice's PDF attached (read back by poppler);
/// once the profile stops taking invoices by e-mail its next invoice is announced to webhooks only.
/// </summary>
public class InvoiceMailTests
{
    private static readonly TimeSpan Kiritimati = NoticeWorld.Kiritimati;
    private static readonly DateTimeOffset Start = new(2019, 10, 1, 0, 30, 0, Kiritimati);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Each_administrator_gets_the_issued_invoice_once_with_its_pdf_while_the_profile_takes_invoices_by_email(StorageEngine engine)
    {
        await using var w = await NoticeWorld.StartAsync(engine, Start, "PayAsYouGo");
        var (api, f, op) = (w.Api, w.Fixture, w.Operator);
        var fanOut = api.Services.GetRequiredService<EventFanOut>();
        async Task DeliverAsync()
        {
            await fanOut.RunAsync(CancellationToken.None);
            await w.Sender.SendDueAsync(CancellationToken.None);
        }

        api.AdvanceClockTo(new DateTimeOffset(2019, 10, 20, 12, 0, 0, Kiritimati));
        await PurserApi.CreatedAsync(op, "/ops/charges", new { billingProfileId = f.ProfileId, amount = 1250.50m, description = "支持计划", creditEligible = false });
        api.AdvanceClockTo(new DateTimeOffset(2019, 11, 1, 0, 20, 0, Kiritimati));
        var invoice = await PurserApi.CreatedAsync(op, "/ops/billingRuns", new { billingProfileId = f.ProfileId, period = "2019-10" });
        var number = invoice.GetProperty("invoiceNumber").GetString()!;
        await DeliverAsync();
        await DeliverAsync();

        var received = w.Received(InvoiceMails.Kind);
        Assert.Equal(2, received.Count);
        var wang = NoticeMail.Single(received, "wang@example.cn", new DateTimeOffset(2019, 11, 1, 0, 20, 0, Kiritimati));
        Assert.Equal($"Invoice {number} issued (生产)", wang.Subject);
        var text = Assert.IsType<string>(wang.TextBody).ReplaceLineEndings("\n");
        Assert.StartsWith($"Hello Lei Wang,\n\nInvoice {number} of billing profile \"生产\" for Oct 1, 2019 to Oct 31, 2019 has been issued.\n\n" +
            "Subtotal CNY 1,250.50, credit applied CNY 0.00, amount due CNY 1,250.50.\n\nPlease pay CNY 1,250.50 by Dec 1, 2019.\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain(OptionalNotices.LinkMarker, text, StringComparison.Ordinal);
        Assert.False(wang.Headers.Contains("List-Unsubscribe"));
        Assert.Contains(Poppler.Pages(Pdf(wang, number)).SelectMany(p => p), line => line == "应付金额 CNY 1,250.50");

        var chen = NoticeMail.Single(received, "chen@example.cn", new DateTimeOffset(2019, 11, 1, 0, 20, 0, Kiritimati));
        Assert.Equal($"發票 {number} 已開立（生产）", chen.Subject);
        Assert.Contains("請於 2019年12月1日 前支付 CNY 1,250.50。", chen.TextBody, StringComparison.Ordinal);
        // The PDF is the profile's document, in the profile's language, whoever the mail is to.
        Assert.Equal(Poppler.Pages(Pdf(wang, number)), Poppler.Pages(Pdf(chen, number)));

        // The profile stops taking invoices by e-mail: November's invoice is still an event (webhooks hear of it), and mails no one.
        await using (var db = api.Database.Store.CreateContext())
            await db.BillingProfiles.Where(p => p.Id == f.ProfileId).ExecuteUpdateAsync(s => s.SetProperty(p => p.InvoiceEmailOptIn, false));
        await PurserApi.CreatedAsync(op, "/ops/charges", new { billingProfileId = f.ProfileId, amount = 10m, description = "支持计划", creditEligible = false });
        api.AdvanceClockTo(new DateTimeOffset(2019, 12, 1, 0, 20, 0, Kiritimati));
        await PurserApi.CreatedAsync(op, "/ops/billingRuns", new { billingProfileId = f.ProfileId, period = "2019-11" });
        await DeliverAsync();
        Assert.Equal(2, w.Received(InvoiceMails.Kind).Count);
        await using (var db = api.Database.Store.CreateContext())
            Assert.Equal(2, await db.Outbox.CountAsync(m => m.Kind == WebhookEventTypes.InvoiceIssued && m.SentAt != null));
    }

    /// <summary>The one PDF attached to the message, named after the invoice.</summary>
    private static byte[] Pdf(MimeMessage message, string number)
    {
        var part = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal(("application/pdf", $"{number}.pdf"), (part.ContentType.MimeType, part.FileName));
        using var bytes = new MemoryStream();
        part.Content!.DecodeTo(bytes);
        return bytes.ToArray();
    }
}
