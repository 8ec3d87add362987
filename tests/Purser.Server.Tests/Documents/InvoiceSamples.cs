using Purser.Core.Invoicing;
using Purser.Server.Documents;

namespace Purser.Server.Tests.Documents;

/// <summary>Invoices as the billing run would hand them over, their amounts already rounded.</summary>
internal static class InvoiceSamples
{
    public const string Number = "INV-2026-000123";

    /// <summary>A Shanghai customer's March invoice in CNY: every kind of line, a credit, a purchase order.</summary>
    public static InvoiceDocument Shanghai() => new(
        Number, new(2026, 4, 1), new(2026, 5, 1), new(2026, 3, 1), new(2026, 3, 31), InvoiceStatus.Due, "CNY", 2,
        "上海蓝云网络科技有限公司", "上海云启科技有限公司", "上海市浦东新区张江路 88 号\n5 楼 501 室\n200120", "云启科技 - 生产环境", "PO-7781",
        [
            new("虚拟机 D2s v3（华东 2）- 预付费 1 个月", ChargeType.Prepaid, "生产环境订阅", new(2026, 3, 1), new(2026, 3, 31), 2, 450.00m, 900.00m, 100.00m),
            new("块存储 LRS 用量", ChargeType.Usage, "生产环境订阅", new(2026, 3, 1), new(2026, 3, 31), 1024.5m, 0.12m, 122.94m, 0m),
            new("新增 3 个席位", ChargeType.Prorated, "开发测试订阅", new(2026, 3, 10), new(2026, 3, 31), 3, 70.52m, 211.56m, 0m),
            new("未使用天数退回", ChargeType.CreditForUnusedDays, null, new(2026, 3, 20), new(2026, 3, 31), 1, -33.33m, -33.33m, 0m),
            new("技术支持服务费", ChargeType.OneTime, null, new(2026, 3, 15), new(2026, 3, 15), 1, 33.33m, 33.33m, 0m),
        ],
        SubTotal: 1234.50m, TaxAmount: 74.07m, Total: 1308.57m, CreditApplied: 100.00m, AmountPaid: 0m, AmountDue: 1208.57m);

    /// <summary>An invoice with no Chinese in it at all, partly paid.</summary>
    public static InvoiceDocument Singapore() => new(
        "INV-2026-000777", new(2026, 4, 1), new(2026, 5, 1), new(2026, 3, 1), new(2026, 3, 31), InvoiceStatus.PartiallyPaid, "USD", 2,
        "Blue Cloud Networks Ltd.", "Contoso Retail Pte. Ltd.", "1 Market Street\nSingapore 048940", "Contoso - Production", null,
        [new("Virtual machines D2s v3, monthly prepaid", ChargeType.Prepaid, "Production", new(2026, 3, 1), new(2026, 3, 31), 4, 112.25m, 449.00m, 0m)],
        SubTotal: 449.00m, TaxAmount: 0m, Total: 449.00m, CreditApplied: 0m, AmountPaid: 200.00m, AmountDue: 249.00m);

    /// <summary>A Tokyo invoice in yen, which has no minor unit.</summary>
    public static InvoiceDocument Tokyo() => new(
        "INV-2026-000900", new(2026, 4, 1), new(2026, 5, 1), new(2026, 3, 1), new(2026, 3, 31), InvoiceStatus.Paid, "JPY", 0,
        "Blue Cloud Networks KK", "Fabrikam Japan KK", "1-2-3 Marunouchi\nTokyo", "Fabrikam - Tokyo", null,
        [
            new("Object storage", ChargeType.Usage, "Tokyo", new(2026, 3, 1), new(2026, 3, 31), 24000, 0.5m, 12000m, 0m),
            new("Support plan", ChargeType.OneTime, null, new(2026, 3, 1), new(2026, 3, 1), 1, 111456m, 111456m, 1000m),
        ],
        SubTotal: 123456m, TaxAmount: 12346m, Total: 135802m, CreditApplied: 1000m, AmountPaid: 134802m, AmountDue: 0m);

    /// <summary>The Shanghai invoice with <paramref name="count"/> usage lines, line i costing 1000 + 1.01 i.</summary>
    public static InvoiceDocument WithUsageLines(int count)
    {
        var lines = Enumerable.Range(1, count)
            .Select(i => new InvoiceDocumentLine($"对象存储 第 {i} 项", ChargeType.Usage, "生产环境订阅", new(2026, 3, 1), new(2026, 3, 31), 2, LineAmount(i) / 2, LineAmount(i), 0m))
            .ToList();
        var total = lines.Sum(l => l.Amount);
        return Shanghai() with { Lines = lines, SubTotal = total, TaxAmount = 0m, Total = total, CreditApplied = 0m, AmountDue = total };
    }

    public static decimal LineAmount(int i) => 1000m + 1.01m * i;
}
