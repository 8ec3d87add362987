using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Purser.Engine;
using Purser.Engine.Lifecycle;
using Purser.Engine.Notifications;
using Purser.Testing;

namespace Purser.Server.Tests.Notifications;

/// <summary>
/// Lifecycle notices over real SMTP on a profile at UTC+14 (Kiritimati), whose local days run ahead of UTC's: a prepaid
/// subscription disabled when its credit expires (told the local day its data is deleted, 90 days on), enabled again by a
/// top-up, disabled again and deleted. Each administrator hears each transition once, in their language, also when two
/// servers fan the events out at once.
/// </summary>
public class LifecycleMailTests
{
    private static readonly TimeSpan Kiritimati = NoticeWorld.Kiritimati;
    private static readonly DateTimeOffset Start = new(2019, 10, 1, 0, 30, 0, Kiritimati);
    private static readonly DateTimeOffset TopUpAgain = new(2020, 10, 15, 14, 0, 0, Kiritimati);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Disabled_reactivated_and_deleted_are_each_told_once_with_local_days(StorageEngine engine)
    {
        await using var w = await NoticeWorld.StartAsync(engine, Start, "StandardPrepaid");
        var (api, f, op, sender) = (w.Api, w.Fixture, w.Operator, w.Sender);
        await NoticeMail.AddAdministratorAsync(op, f.AccountId, "li@example.cn", null, null, null);
        var fanOuts = new[] { api.Services.GetRequiredService<EventFanOut>(), ActivatorUtilities.CreateInstance<EventFanOut>(api.Services) };
        var sweep = api.Services.GetRequiredService<LifecycleSweep>();
        async Task DeliverAsync()
        {
            await Task.WhenAll(fanOuts.Select(o => o.RunAsync(CancellationToken.None)));
            await sender.SendDueAsync(CancellationToken.None);
        }

        // The credit of the first top-up expires at local 00:30 on 1 October 2020; its data would go at local 00:30 on 30 December (29 December in UTC).
        await PurserApi.CreatedAsync(op, "/ops/payments", new { subscriptionId = f.SubscriptionId, amount = 1000m });
        api.AdvanceClockTo(Start.AddYears(1).AddMinutes(1));
        await sweep.RunAsync(CancellationToken.None);
        await DeliverAsync();
        api.AdvanceClockTo(TopUpAgain);
        await PurserApi.CreatedAsync(op, "/ops/payments", new { subscriptionId = f.SubscriptionId, amount = 1000m });
        await DeliverAsync();
        api.AdvanceClockTo(TopUpAgain.AddYears(1).AddMinutes(1));
        await sweep.RunAsync(CancellationToken.None);
        await DeliverAsync();
        api.AdvanceClockTo(TopUpAgain.AddYears(1).AddDays(90).AddMinutes(1));
        await sweep.RunAsync(CancellationToken.None);
        await DeliverAsync();
        await DeliverAsync();

        var received = w.Received(LifecycleMails.DisabledKind, LifecycleMails.ReactivatedKind, LifecycleMails.DeletedKind);
        Assert.Equal(12, received.Count);
        Assert.Equal([LifecycleMails.DisabledKind, LifecycleMails.ReactivatedKind, LifecycleMails.DisabledKind, LifecycleMails.DeletedKind],
            received.Where(m => To(m) == "wang@example.cn").Select(m => m.Headers["X-Purser-Kind"]));

        var wang = received.Where(m => To(m) == "wang@example.cn").ToList();
        NoticeMail.AssertOpening(wang[0], "Azure subscription disabled: 生产环境", "Hello Lei Wang,",
            "Your subscription \"生产环境\" (billing profile \"生产\") was disabled on Oct 1, 2020: all of its credit has expired.");
        Assert.Contains("Unless you act, its data will be permanently deleted on Dec 30, 2020. A top-up before then enables the subscription again at once",
            wang[0].TextBody, StringComparison.Ordinal);
        NoticeMail.AssertOpening(wang[1], "Azure subscription active again: 生产环境", "Hello Lei Wang,",
            "Your subscription \"生产环境\" (billing profile \"生产\") was enabled again by a top-up on Oct 15, 2020. Services that were stopped while it was disabled need to be set up again.");
        Assert.Contains("permanently deleted on Jan 13, 2022.", wang[2].TextBody, StringComparison.Ordinal);
        NoticeMail.AssertOpening(wang[3], "Azure subscription data deleted: 生产环境", "Hello Lei Wang,",
            "Your subscription \"生产环境\" (billing profile \"生产\") was disabled for too long; its data was permanently deleted on Jan 13, 2022 and cannot be recovered.");

        var chen = received.Where(m => To(m) == "chen@example.cn").ToList();
        NoticeMail.AssertOpening(chen[0], "Azure 訂用帳戶已停用：生产环境", "陳大文，您好：", "訂用帳戶「生产环境」（帳單設定檔「生产」）已於 2020年10月1日 停用：信用額度已全部到期。");
        Assert.Contains("若不處理，訂用帳戶的資料將於 2020年12月30日 永久刪除。", chen[0].TextBody, StringComparison.Ordinal);
        var li = received.Where(m => To(m) == "li@example.cn").ToList();
        NoticeMail.AssertOpening(li[3], "Azure 订阅数据已删除：生产环境", "您好：", "订阅“生产环境”（账单配置文件“生产”）停用时间过长，其数据已于 2022年1月13日 被永久删除，无法恢复。");
    }

    private static string To(MimeMessage m) => m.To.Mailboxes.Single().Address;
}
