using Purser.Server.Documents;

namespace Purser.Server.Tests.Documents;

public class InvoicePdfLanguageTests
{
    private static readonly string[] Titles = ["发票", "發票", "Invoice"];

    public static TheoryData<string, string[]> Languages => new()
    {
        {
            "zh-Hans",
            [
                "发票", "发票编号 INV-2026-000123", "开票日期 2026年4月1日", "到期日 2026年5月1日", "计费周期 2026年3月1日 – 2026年3月31日",
                "计费配置文件 云启科技 - 生产环境", "采购订单号 PO-7781", "状态 待付款", "币种 CNY", "账单寄送至", "上海云启科技有限公司", "5 楼 501 室",
                "说明 费用类型 数量 单价 信用额度抵扣 金额", "虚拟机 D2s v3（华东 2）- 预付费 1 个月", "订阅：生产环境订阅 · 2026年3月1日 – 2026年3月31日",
                "预付费 2 450.00 100.00 900.00", "用量 1,024.5 0.12 0.00 122.94", "按比例计费 3 70.52 0.00 211.56",
                "未使用天数抵扣 1 -33.33 0.00 -33.33", "一次性费用 1 33.33 0.00 33.33",
                "小计 CNY 1,234.50", "税额 CNY 74.07", "总计 CNY 1,308.57", "已抵扣信用额度 -CNY 100.00", "已付款 CNY 0.00", "应付金额 CNY 1,208.57",
                "上海蓝云网络科技有限公司 · 发票 INV-2026-000123 1 / 1",
            ]
        },
        {
            "zh-Hant",
            [
                "發票", "發票號碼 INV-2026-000123", "發票日期 2026年4月1日", "到期日 2026年5月1日", "計費期間 2026年3月1日 – 2026年3月31日",
                "帳單設定檔 云启科技 - 生产环境", "採購單號碼 PO-7781", "狀態 待付款", "幣別 CNY", "帳單寄送至", "上海云启科技有限公司",
                "說明 費用類型 數量 單價 信用額度抵扣 金額", "訂閱：生产环境订阅 · 2026年3月1日 – 2026年3月31日",
                "預付費 2 450.00 100.00 900.00", "用量 1,024.5 0.12 0.00 122.94", "按比例計費 3 70.52 0.00 211.56",
                "未使用天數抵扣 1 -33.33 0.00 -33.33", "一次性費用 1 33.33 0.00 33.33",
                "小計 CNY 1,234.50", "稅額 CNY 74.07", "總計 CNY 1,308.57", "已抵扣信用額度 -CNY 100.00", "已付款 CNY 0.00", "應付金額 CNY 1,208.57",
                "上海蓝云网络科技有限公司 · 發票 INV-2026-000123 1 / 1",
            ]
        },
        {
            "en",
            [
                "Invoice", "Invoice number INV-2026-000123", "Invoice date Apr 1, 2026", "Due date May 1, 2026", "Billing period Mar 1, 2026 – Mar 31, 2026",
                "Billing profile 云启科技 - 生产环境", "PO number PO-7781", "Status Due", "Currency CNY", "Bill to", "上海云启科技有限公司",
                "Description Charge type Quantity Unit price Credit Amount",
                "Prepaid 2 450.00 100.00 900.00", "Usage 1,024.5 0.12 0.00 122.94", "Prorated 3 70.52 0.00 211.56", "One-time 1 33.33 0.00 33.33",
                "Subtotal CNY 1,234.50", "Tax CNY 74.07", "Total CNY 1,308.57", "Credit applied -CNY 100.00", "Amount paid CNY 0.00", "Amount due CNY 1,208.57",
                "上海蓝云网络科技有限公司 · Invoice INV-2026-000123 1 / 1",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public void The_invoice_reads_in_the_profile_language_with_its_dates_and_amounts_in_that_culture(string language, string[] expectedLines)
    {
        var page = Assert.Single(Poppler.Pages(InvoicePdf.Render(InvoiceSamples.Shanghai(), language)));

        foreach (var expected in expectedLines)
            Assert.Contains(expected, page);
        foreach (var otherTitle in Titles.Where(t => t != expectedLines[0]))
            Assert.DoesNotContain(otherTitle, page);
    }

    [Theory]
    [InlineData("", "发票")]
    [InlineData("fr", "发票")]
    [InlineData("zh-CN", "发票")]
    [InlineData("ZH-hant", "發票")]
    [InlineData("EN", "Invoice")]
    public void An_unknown_language_gets_Simplified_Chinese_and_known_ones_match_in_any_case(string language, string title)
    {
        var page = Assert.Single(Poppler.Pages(InvoicePdf.Render(InvoiceSamples.Shanghai(), language)));

        Assert.Equal(title, page.Single(Titles.Contains));
    }

    [Fact]
    public void Invoices_rendered_at_once_on_many_threads_each_read_as_their_own()
    {
        (string Language, string Label)[] languages = [("zh-Hans", "发票编号"), ("zh-Hant", "發票號碼"), ("en", "Invoice number")];
        var invoices = Enumerable.Range(0, 9)
            .Select(i => (Number: $"INV-PAR-{i:D3}", languages[i % 3].Language, languages[i % 3].Label))
            .ToList();

        var pdfs = invoices.AsParallel().AsOrdered()
            .Select(x => InvoicePdf.Render(InvoiceSamples.Shanghai() with { InvoiceNumber = x.Number }, x.Language))
            .ToList();

        for (var i = 0; i < invoices.Count; i++)
            Assert.Contains($"{invoices[i].Label} {invoices[i].Number}", Assert.Single(Poppler.Pages(pdfs[i])));
    }
}
