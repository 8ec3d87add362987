using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Purser.Engine;
using Purser.Engine.Notifications;
using Purser.Engine.Rating;
using Purser.Testing;

namespace Purser.Server.Tests.Notifications;

/// <summary>
/// R-ALERT's run-out forecast over real SMTP at UTC+14 (Kiritimati): CNY 1,000 of credit spent at CNY 50 each local morning. The
/// overview's rate is the mean of the ten complete days before today, so it reaches CNY 50 on 11 October; on local 13 October at
/// 09:30 the credit runs out within 7 days (on 20 October) and the administrators hear it once. A top-up on 14 October re-arms it:
/// the next run-out, 9 November, is told on 2 November.
/// </summary>
public class RunOutMailTests
{
    private static readonly TimeSpan Kiritimati = NoticeWorld.Kiritimati;
    private static readonly DateTimeOffset Start = new(2019, 10, 1, 0, 30, 0, Kiritimati);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Credit_running_out_within_seven_local_days_is_told_once_per_top_up(StorageEngine engine)
    {
        await using var w = await NoticeWorld.StartAsync(engine, Start, "StandardPrepaid");
        var (api, f, op, sender) = (w.Api, w.Fixture, w.Operator, w.Sender);
        await PurserApi.CreatedAsync(op, $"/ops/meters/{f.MeterId}/prices", new { currency = "CNY", unitPrice = 1m });
        await PurserApi.CreatedAsync(op, "/ops/payments", new { subscriptionId = f.SubscriptionId, amount = 1000m });
        var reminders = api.Services.GetRequiredService<StopReminders>();
        var rating = api.Services.GetRequiredService<UsageRating>();
        for (var day = Start.Date; day <= new DateTime(2019, 11, 3); day = day.AddDays(1))
        {
            var morning = new DateTimeOffset(day, Kiritimati).AddHours(5);
            api.AdvanceClockTo(morning);
            using (var batch = await PurserApi.PostAsync(op, "/ops/usage",
                       new { source = "rp.vm", events = new[] { f.Event($"vm-{day:yyyyMMdd}", 50m, morning.AddMinutes(-5)) } }))
                batch.EnsureSuccessStatusCode();
            await rating.RatePendingAsync(CancellationToken.None);
            if (day == new DateTime(2019, 10, 14))
            {
                api.AdvanceClockTo(morning.AddHours(10));
                await PurserApi.CreatedAsync(op, "/ops/payments", new { subscriptionId = f.SubscriptionId, amount = 1000m });
            }
            // The passes of the morning, from before the local hour to after it, and one late in the day.
            foreach (var hour in new[] { 7.5, 8.5, 9.5, 10.5, 16.5 })
            {
                api.AdvanceClockTo(new DateTimeOffset(day, Kiritimati).AddHours(hour));
                var (_, failed) = await reminders.WriteDueAsync(CancellationToken.None);
                Assert.Empty(failed);
                await sender.SendDueAsync(CancellationToken.None);
            }
        }

        var received = w.Received(StopReminders.RunOutKind);
        Assert.True(received.Count == 4, string.Join("\n", received.Select(m => $"{m.Date:O} {m.Subject}")));
        var first = new DateTimeOffset(2019, 10, 13, 9, 30, 0, Kiritimati);
        var second = new DateTimeOffset(2019, 11, 2, 9, 30, 0, Kiritimati);
        NoticeMail.AssertOpening(NoticeMail.Single(received, "wang@example.cn", first), "Azure credit running out: 生产环境 (Oct 20, 2019)", "Hello Lei Wang,",
            "At the recent rate of CNY 50.00 a day, the credit of your subscription \"生产环境\" (billing profile \"生产\") runs out on Oct 20, 2019, in 7 days. The subscription is disabled when it does.");
        NoticeMail.AssertOpening(NoticeMail.Single(received, "wang@example.cn", second), "Azure credit running out: 生产环境 (Nov 9, 2019)", "Hello Lei Wang,",
            "At the recent rate of CNY 50.00 a day, the credit of your subscription \"生产环境\" (billing profile \"生产\") runs out on Nov 9, 2019, in 7 days. The subscription is disabled when it does.");
        NoticeMail.AssertOpening(NoticeMail.Single(received, "chen@example.cn", first), "Azure 信用額度預計即將用完：生产环境（2019年10月20日）", "陳大文，您好：",
            "依最近每天 CNY 50.00 的用量，訂用帳戶「生产环境」（帳單設定檔「生产」）的信用額度預計將於 2019年10月20日 用完，還剩 7 天。信用額度用完後訂用帳戶將被停用。");
        NoticeMail.Single(received, "chen@example.cn", second);
    }
}
