using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Purser.Engine;
using Purser.Engine.Lifecycle;
using Purser.Engine.Notifications;
using Purser.Testing;

namespace Purser.Server.Tests.Notifications;

/// <summary>
/// R-TRIAL and R-DELETE-90 ahead of time, over real SMTP, hour by hour on a trial at UTC+14 (Kiritimati): the trial
/// ending at local 00:30 on 1 November is told on local 29 October (3 days), and the data of the then disabled trial,
/// deleted 15 days later, on local 9 November (7 days) — each once, from nine o'clock local, to each administrator.
/// </summary>
public class StopReminderMailTests
{
    private static readonly TimeSpan Kiritimati = NoticeWorld.Kiritimati;
    private static readonly DateTimeOffset Start = new(2019, 10, 1, 0, 30, 0, Kiritimati);
    private static readonly DateTimeOffset Deletion = new(2019, 11, 16, 0, 30, 0, Kiritimati);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_trial_hears_three_days_before_it_ends_and_seven_before_its_data_goes_once_each(StorageEngine engine)
    {
        await using var w = await NoticeWorld.StartAsync(engine, Start, "Trial");
        var (api, sender) = (w.Api, w.Sender);
        var reminders = api.Services.GetRequiredService<StopReminders>();
        var sweep = api.Services.GetRequiredService<LifecycleSweep>();
        for (var now = Start; now <= Deletion.AddDays(1); now = now.AddHours(1))
        {
            api.AdvanceClockTo(now);
            await sweep.RunAsync(CancellationToken.None);
            var (_, failed) = await reminders.WriteDueAsync(CancellationToken.None);
            Assert.Empty(failed);
            await sender.SendDueAsync(CancellationToken.None);
        }

        var received = w.Received(StopReminders.TrialEndingKind, StopReminders.DataDeletionKind);
        Assert.Equal(4, received.Count);
        var trial = new DateTimeOffset(2019, 10, 29, 9, 30, 0, Kiritimati);
        var deletion = new DateTimeOffset(2019, 11, 9, 9, 30, 0, Kiritimati);
        NoticeMail.AssertOpening(NoticeMail.Single(received, "wang@example.cn", trial), "Azure trial ending: 生产环境 (Nov 1, 2019)", "Hello Lei Wang,",
            "The trial of your subscription \"生产环境\" (billing profile \"生产\") ends on Nov 1, 2019, in 3 days. The subscription is disabled when it ends.");
        NoticeMail.AssertOpening(NoticeMail.Single(received, "wang@example.cn", deletion), "Azure subscription data to be deleted: 生产环境 (Nov 16, 2019)", "Hello Lei Wang,",
            "The data of your disabled subscription \"生产环境\" (billing profile \"生产\") will be permanently deleted on Nov 16, 2019, in 7 days.");
        NoticeMail.AssertOpening(NoticeMail.Single(received, "chen@example.cn", trial), "Azure 試用即將結束：生产环境（2019年11月1日）", "陳大文，您好：",
            "訂用帳戶「生产环境」（帳單設定檔「生产」）的試用期將於 2019年11月1日 結束，還剩 3 天。試用結束後訂用帳戶將被停用。");
        NoticeMail.AssertOpening(NoticeMail.Single(received, "chen@example.cn", deletion), "Azure 訂用帳戶資料即將刪除：生产环境（2019年11月16日）", "陳大文，您好：",
            "已停用的訂用帳戶「生产环境」（帳單設定檔「生产」）的資料將於 2019年11月16日 永久刪除，還剩 7 天。");
    }
}
