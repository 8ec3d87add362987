using System.Globalization;
using System.Text.RegularExpressions;
using Purser.Server.Documents;

namespace Purser.Server.Tests.Documents;

public partial class InvoicePdfPaginationTests
{
    private const string Heading = "说明 费用类型 数量 单价 信用额度抵扣 金额";

    [Fact]
    public void Many_lines_run_over_several_pages_each_with_the_table_heading_and_its_page_number()
    {
        var invoice = InvoiceSamples.WithUsageLines(120);

        var pages = Poppler.Pages(InvoicePdf.Render(invoice, "zh-Hans"));

        Assert.InRange(pages.Count, 3, 10);
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains(Heading, pages[i]);
            Assert.Equal($"上海蓝云网络科技有限公司 · 发票 {InvoiceSamples.Number} {i + 1} / {pages.Count}", pages[i][^1]);
            if (i > 0)
                Assert.Contains($"上海蓝云网络科技有限公司 发票 {InvoiceSamples.Number}", pages[i]);
        }
        var amounts = pages.SelectMany(page => page).Select(line => UsageRow().Match(line)).Where(m => m.Success).Select(m => m.Groups["amount"].Value);
        Assert.Equal(Enumerable.Range(1, 120).Select(i => InvoiceSamples.LineAmount(i).ToString("N2", CultureInfo.InvariantCulture)), amounts);
        Assert.Contains($"应付金额 CNY {invoice.AmountDue.ToString("N2", CultureInfo.InvariantCulture)}", pages[^1]);
    }

    [Fact]
    public void Lines_that_fit_stay_on_one_page()
    {
        var pages = Poppler.Pages(InvoicePdf.Render(InvoiceSamples.WithUsageLines(5), "zh-Hans"));

        Assert.Equal($"上海蓝云网络科技有限公司 · 发票 {InvoiceSamples.Number} 1 / 1", Assert.Single(pages)[^1]);
    }

    // A usage line's cells as poppler reads them: charge type, quantity, unit price, credit, amount.
    [GeneratedRegex(@"^用量 2 [\d,.]+ 0\.00 (?<amount>[\d,.]+)$")]
    private static partial Regex UsageRow();
}
