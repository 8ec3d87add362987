using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Purser.Engine;
using Purser.Engine.Notifications;
using Purser.Testing;

namespace Purser.Server.Tests.Notifications;

/// <summary>
/// R-ALERT's expiring credit over real SMTP, hour by hour on a profile at UTC+14 (Kiritimati): a lot
/// ending on local 10 November is announced on local 11 October (30 days) and 3 November (7 days)
/// from nine o'clock, once each, to an en and a zh-Hant administrator; a lot ending next year is not.
/// </summary>
public class ExpiringCreditMailTests
{
    private static readonly TimeSpan Kiritimati = TimeSpan.FromHours(14);
    private static readonly DateTimeOffset Start = new(2019, 9, 30, 10, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Expiry = new(2019, 11, 10, 0, 0, 0, Kiritimati);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_lot_is_announced_thirty_and_seven_local_days_before_it_expires_once_each(StorageEngine engine)
    {
        using var smtp = await SmtpSink.StartAsync();
        await using var api = await PurserApi.StartAsync(engine, Start);
        var f = await UsageFixture.CreateAsync(api, offerType: "StandardPrepaid", timeZone: "Pacific/Kiritimati");
        using (var op = api.Operator())
        {
            await NoticeMail.AddAdministratorAsync(op, f.AccountId, "wang@example.cn", "Lei", "Wang", "en");
            await NoticeMail.AddAdministratorAsync(op, f.AccountId, "chen@example.cn", "大文", "陳", "zh-Hant");
            await PurserApi.CreatedAsync(op, "/ops/credits", new { billingProfileId = f.ProfileId, amount = 100m, expirationDate = Expiry });
            await PurserApi.CreatedAsync(op, "/ops/credits", new { billingProfileId = f.ProfileId, amount = 900m, expirationDate = Start.AddYears(1) });
        }
        var sender = NoticeMail.SenderTo(smtp, api);
        var notices = api.Services.GetRequiredService<ExpiringCreditNotices>();
        for (var now = Start; now < Expiry; now = now.AddHours(1))
        {
            api.AdvanceClockTo(now);
            var (_, failed) = await notices.WriteDueAsync(CancellationToken.None);
            Assert.Empty(failed);
            await sender.SendDueAsync(CancellationToken.None);
        }

        // The server's own Monday reminders reach the same sink.
        var received = smtp.Received().Where(m => m.Headers["X-Purser-Kind"] == ExpiringCreditNotices.Kind).ToList();
        Assert.All(received.GroupBy(m => m.MessageId), copies => Assert.Single(copies));
        Assert.Equal(4, received.Count);
        var thirty = new DateTimeOffset(2019, 10, 11, 9, 30, 0, Kiritimati);
        var seven = new DateTimeOffset(2019, 11, 3, 9, 30, 0, Kiritimati);
        NoticeMail.AssertOpening(NoticeMail.Single(received, "wang@example.cn", thirty), "Azure credit expiring: CNY 100.00 of 生产 ends Nov 10, 2019",
            "Hello Lei Wang,", "Credit of CNY 100.00 in billing profile \"生产\" expires on Nov 10, 2019, in 30 days. Credit cannot be used once it has expired.");
        NoticeMail.AssertOpening(NoticeMail.Single(received, "wang@example.cn", seven), "Azure credit expiring: CNY 100.00 of 生产 ends Nov 10, 2019",
            "Hello Lei Wang,", "Credit of CNY 100.00 in billing profile \"生产\" expires on Nov 10, 2019, in 7 days. Credit cannot be used once it has expired.");
        NoticeMail.AssertOpening(NoticeMail.Single(received, "chen@example.cn", thirty), "Azure 信用額度即將到期：生产 的 CNY 100.00 將於 2019年11月10日 到期",
            "陳大文，您好：", "帳單設定檔「生产」中 CNY 100.00 的信用額度將於 2019年11月10日 到期，還剩 30 天。信用額度到期後將無法使用。");
        NoticeMail.AssertOpening(NoticeMail.Single(received, "chen@example.cn", seven), "Azure 信用額度即將到期：生产 的 CNY 100.00 將於 2019年11月10日 到期",
            "陳大文，您好：", "帳單設定檔「生产」中 CNY 100.00 的信用額度將於 2019年11月10日 到期，還剩 7 天。信用額度到期後將無法使用。");
        await using var db = api.Database.Store.CreateContext();
        Assert.Equal(4, await db.Outbox.CountAsync(m => m.Kind == ExpiringCreditNotices.Kind));
    }
}
