using System.Net;
using Purser.Engine;
using Purser.Server.Tests.Documents;
using Purser.Testing;
using static Purser.Server.Tests.Arm.Billing.LicenseInvoiceWorld;

namespace Purser.Server.Tests.Arm.Billing;

public class InvoiceDocumentsTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_invoice_lists_its_PDF_whose_URL_downloads_it_in_the_profile_language_with_number_lines_and_amount_due(StorageEngine engine)
    {
        await using var api = await StartApiAsync(engine);
        var world = await BuildAsync(api);
        using var reader = api.Client(world.ReaderToken);

        var invoice = await BillingJson.GetAsync(reader, $"{world.InvoicePath}?{ApiVersion}");

        var document = Assert.Single(invoice.Props().GetProperty("documents").EnumerateArray());
        Assert.Equal("Invoice", document.Str("kind"));
        Assert.Equal("DRS", document.Str("source"));
        var url = new Uri(document.Str("url"));
        Assert.Equal(new Uri(api.BaseAddress).Authority, url.Authority);
        Assert.EndsWith($"/invoices/{world.InvoiceNumber}/documents/{world.InvoiceNumber}.pdf", url.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal($"?{ApiVersion}", url.Query);

        var pdf = await DownloadAsync(reader, url);
        var page = Assert.Single(Poppler.Pages(pdf));
        foreach (var expected in new[]
                 {
                     "发票", $"发票编号 {world.InvoiceNumber}", "开票日期 2026年6月15日", "到期日 2026年7月15日", "计费周期 2026年5月15日 – 2026年6月14日",
                     "计费配置文件 云启生产", "采购订单号 PO-2026-06", "状态 待付款", "币种 CNY", "上海云启科技有限公司", "世纪大道 100 号",
                     "技术支持服务费", "一次性费用 1 88.88 50.00 88.88", "预付费 15 10.00 0.00 150.00",
                     "小计 CNY 238.88", "总计 CNY 238.88", "已抵扣信用额度 -CNY 50.00", "已付款 CNY 0.00", "应付金额 CNY 188.88",
                 })
            Assert.Contains(expected, page);
        Assert.Equal(3, page.Count(l => l.StartsWith("按比例计费 ", StringComparison.Ordinal) && l.EndsWith(" 0.00 0.00 0.00", StringComparison.Ordinal)));
        Assert.Contains(page, l => l.Contains("开发测试", StringComparison.Ordinal));
        Assert.Contains(page, l => l.Contains("席位订阅", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_PDF_shows_payments_received_and_what_they_leave_due(StorageEngine engine)
    {
        await using var api = await StartApiAsync(engine);
        var world = await BuildAsync(api);
        Assert.Equal(HttpStatusCode.Created, (await world.PayAsync(100.00m)).StatusCode);
        using var op = api.Operator();

        var page = Assert.Single(Poppler.Pages(await DownloadAsync(op, await PdfUrlAsync(op, world))));

        Assert.Contains("状态 部分付款", page);
        Assert.Contains("已付款 -CNY 100.00", page);
        Assert.Contains("应付金额 CNY 88.88", page);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_PDF_is_read_like_its_invoice_a_role_on_its_profile_reads_it_no_role_is_refused_and_another_tenant_finds_nothing(StorageEngine engine)
    {
        await using var api = await StartApiAsync(engine);
        var world = await BuildAsync(api);
        using var op = api.Operator();
        var url = await PdfUrlAsync(op, world);
        using var reader = api.Client(world.ReaderToken);
        using var noRole = api.Client(world.NoRoleToken);
        using var stranger = api.Client(world.StrangerToken);
        using var anonymous = api.Client(null);

        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await DownloadAsync(reader, url), 0, 4), StringComparison.Ordinal);
        Assert.Equal("AuthorizationFailed", (await BillingJson.GetAsync(noRole, url.PathAndQuery, HttpStatusCode.Forbidden)).ErrorCode());
        Assert.Equal("NotFound", (await BillingJson.GetAsync(stranger, url.PathAndQuery, HttpStatusCode.NotFound)).ErrorCode());
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url.PathAndQuery)).StatusCode);
        var otherDocument = $"{world.InvoicePath}/documents/G999999999.pdf?{ApiVersion}";
        Assert.Equal("NotFound", (await BillingJson.GetAsync(reader, otherDocument, HttpStatusCode.NotFound)).ErrorCode());
        var unknownInvoice = $"{world.InvoicePath[..^world.InvoiceNumber.Length]}G999999999/documents/G999999999.pdf?{ApiVersion}";
        Assert.Equal("NotFound", (await BillingJson.GetAsync(reader, unknownInvoice, HttpStatusCode.NotFound)).ErrorCode());
        Assert.Equal("MissingApiVersionParameter", (await BillingJson.GetAsync(reader, url.AbsolutePath, HttpStatusCode.BadRequest)).ErrorCode());
    }

    private static async Task<Uri> PdfUrlAsync(HttpClient http, LicenseInvoiceWorld world)
    {
        var invoice = await BillingJson.GetAsync(http, $"{world.InvoicePath}?{ApiVersion}");
        return new Uri(invoice.Props().GetProperty("documents")[0].Str("url"));
    }

    private static async Task<byte[]> DownloadAsync(HttpClient http, Uri url)
    {
        using var response = await http.GetAsync(url);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(bytes)}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{url.Segments[^1]}", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        return bytes;
    }
}
