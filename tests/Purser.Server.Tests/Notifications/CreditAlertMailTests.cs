using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Purser.Engine;
using Purser.Engine.Notifications;
using Purser.Testing;

namespace Purser.Server.Tests.Notifications;

/// <summary>
/// R-ALERT over real SMTP on a profile at UTC+14 (Kiritimati), whose local day is a day ahead of
/// UTC's: charges take the credit down across the default thresholds (20% and 5% of the last top-up),
/// a top-up recovers them, and the next fall alerts again. Two administrators, en and zh-Hans.
/// </summary>
public class CreditAlertMailTests
{
    // 10:30 UTC on 30 September is 00:30 on 1 October in Kiritimati.
    private static readonly DateTimeOffset Start = new(2019, 9, 30, 10, 30, 0, TimeSpan.Zero);
    private const string En = "wang@example.cn";
    private const string Zh = "li@example.cn";

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Each_fall_below_a_threshold_is_mailed_once_a_top_up_sends_the_recovered_notice_and_the_next_fall_alerts_again(StorageEngine engine)
    {
        using var smtp = await SmtpSink.StartAsync();
        await using var api = await PurserApi.StartAsync(engine, Start);
        var f = await UsageFixture.CreateAsync(api, offerType: "StandardPrepaid", timeZone: "Pacific/Kiritimati");
        using var op = api.Operator();
        await NoticeMail.AddAdministratorAsync(op, f.AccountId, En, "Lei", "Wang", "en");
        await NoticeMail.AddAdministratorAsync(op, f.AccountId, Zh, null, null, null);
        var sender = NoticeMail.SenderTo(smtp, api);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        async Task<List<MimeMessage>> StepAsync(Func<Task> act)
        {
            api.AdvanceClockTo(api.Clock.GetUtcNow().AddHours(1));
            await act();
            await sender.SendDueAsync(CancellationToken.None);
            // The sink's files are not in arrival order: what a step brought is what was not there before it.
            var fresh = smtp.Received().Where(m => !seen.Contains(m.MessageId!)).ToList();
            seen.UnionWith(fresh.Select(m => m.MessageId!));
            return fresh;
        }
        Task Charge(decimal amount) => PurserApi.CreatedAsync(op, "/ops/charges",
            new { billingProfileId = f.ProfileId, subscriptionId = f.SubscriptionId, amount, description = "支持计划", creditEligible = true });
        Task TopUp(decimal amount) => PurserApi.CreatedAsync(op, "/ops/payments", new { subscriptionId = f.SubscriptionId, amount });

        Assert.Empty(await StepAsync(() => TopUp(1000m)));
        Assert.Empty(await StepAsync(() => Charge(700m)));

        var fell = await StepAsync(() => Charge(150m));
        NoticeMail.AssertOpening(Single(fell, En), "Azure credit alert: 生产 is below CNY 200.00",
            "Hello Lei Wang,", "The remaining credit of billing profile \"生产\" fell below CNY 200.00 (20% of the last top-up) on Oct 1, 2019: CNY 150.00 is left.");
        NoticeMail.AssertOpening(Single(fell, Zh), "Azure 信用额度提醒：生产 低于 CNY 200.00",
            "您好：", "账单配置文件“生产”的剩余信用额度于 2019年10月1日 低于 CNY 200.00（上次充值的 20%），目前剩余 CNY 150.00。");
        Assert.Equal(2, fell.Count);

        Assert.Empty(await StepAsync(() => Charge(10m)));

        var recovered = await StepAsync(() => TopUp(1000m));
        Assert.Equal(2, recovered.Count);
        NoticeMail.AssertOpening(Single(recovered, En), "Azure credit recovered: 生产 is back at CNY 200.00 or more", "Hello Lei Wang,",
            "The remaining credit of billing profile \"生产\" is back at CNY 200.00 (20% of the last top-up) or more on Oct 1, 2019: CNY 1,140.00 is left. You will be alerted again if it falls below.");

        var again = await StepAsync(() => Charge(1000m));
        Assert.Equal(2, again.Count);
        NoticeMail.AssertOpening(Single(again, Zh), "Azure 信用额度提醒：生产 低于 CNY 200.00", "您好：",
            "账单配置文件“生产”的剩余信用额度于 2019年10月1日 低于 CNY 200.00（上次充值的 20%），目前剩余 CNY 140.00。");

        var lowest = await StepAsync(() => Charge(100m));
        NoticeMail.AssertOpening(Single(lowest, En), "Azure credit alert: 生产 is below CNY 50.00", "Hello Lei Wang,",
            "The remaining credit of billing profile \"生产\" fell below CNY 50.00 (5% of the last top-up) on Oct 1, 2019: CNY 40.00 is left.");
        Assert.Equal(2, lowest.Count);
        Assert.Empty(await StepAsync(() => Charge(5m)));

        var all = smtp.Received();
        Assert.All(all.GroupBy(m => m.MessageId), copies => Assert.Single(copies));
        Assert.Equal(8, all.Count);
        await using var db = api.Database.Store.CreateContext();
        var rows = await db.Outbox.AsNoTracking().Where(m => m.Kind == CreditAlertMails.FiredKind || m.Kind == CreditAlertMails.RecoveredKind).ToListAsync();
        Assert.Equal(8, rows.Count);
        Assert.All(rows, r => Assert.NotNull(r.SentAt));
        Assert.Equal(2, rows.Count(r => r.Kind == CreditAlertMails.RecoveredKind));

        var state = await op.GetFromJsonAsync<JsonElement>($"/ops/billingProfiles/{f.ProfileId}/creditAlerts");
        var thresholds = state.GetProperty("thresholds").EnumerateArray().ToList();
        Assert.Equal([(20m, 200m, true, 2), (5m, 50m, true, 1)], thresholds.Select(t =>
            (t.GetProperty("value").GetDecimal(), t.GetProperty("level").GetDecimal(), t.GetProperty("fired").GetBoolean(), t.GetProperty("falls").GetInt32())));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_operator_replaces_the_defaults_with_an_amount_and_bad_thresholds_get_arm_errors(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, Start);
        var f = await UsageFixture.CreateAsync(api, offerType: "StandardPrepaid", timeZone: "Pacific/Kiritimati");
        using var op = api.Operator();
        await PurserApi.CreatedAsync(op, "/ops/payments", new { subscriptionId = f.SubscriptionId, amount = 1000m });
        var path = $"/ops/billingProfiles/{f.ProfileId}/creditAlerts";

        var defaults = await op.GetFromJsonAsync<JsonElement>(path);
        Assert.Equal([("PercentOfLastTopUp", 20m, 200m), ("PercentOfLastTopUp", 5m, 50m)], Levels(defaults));

        var set = await op.PutAsJsonAsync(path, new { thresholds = new object[] { new { basis = "Amount", value = 300m }, new { basis = "PercentOfLastTopUp", value = 5m } } });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal([("PercentOfLastTopUp", 5m, 50m), ("Amount", 300m, 300m)], Levels(await set.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal([("PercentOfLastTopUp", 5m, 50m), ("Amount", 300m, 300m)], Levels(await op.GetFromJsonAsync<JsonElement>(path)));

        await PurserApi.CreatedAsync(op, "/ops/charges", new { billingProfileId = f.ProfileId, amount = 750m, description = "支持计划", creditEligible = true });
        var after = await op.GetFromJsonAsync<JsonElement>(path);
        Assert.Equal([false, true], after.GetProperty("thresholds").EnumerateArray().Select(t => t.GetProperty("fired").GetBoolean()));

        foreach (var (body, target) in new (object, string)[]
        {
            (new { thresholds = Array.Empty<object>() }, "thresholds"),
            (new { thresholds = new object[] { new { basis = "Percent", value = 5m } } }, "thresholds[0].basis"),
            (new { thresholds = new object[] { new { basis = "PercentOfLastTopUp", value = 101m } } }, "thresholds[0].value"),
            (new { thresholds = new object[] { new { basis = "Amount", value = 10.001m } } }, "thresholds[0].value"),
            (new { thresholds = new object[] { new { basis = "Amount", value = 10m }, new { basis = "Amount", value = 10m } } }, "thresholds[1]"),
        })
        {
            var refused = await op.PutAsJsonAsync(path, body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var error = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
            Assert.Equal(target, error.GetProperty("target").GetString());
        }
        var missing = await op.PutAsJsonAsync($"/ops/billingProfiles/{Guid.NewGuid()}/creditAlerts", new { thresholds = new object[] { new { basis = "Amount", value = 10m } } });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await op.GetAsync($"/ops/billingProfiles/{Guid.NewGuid()}/creditAlerts")).StatusCode);
    }

    private static List<(string, decimal, decimal)> Levels(JsonElement reply) =>
        [.. reply.GetProperty("thresholds").EnumerateArray().Select(t => (t.GetProperty("basis").GetString()!, t.GetProperty("value").GetDecimal(), t.GetProperty("level").GetDecimal()))];

    private static MimeMessage Single(List<MimeMessage> messages, string to) => Assert.Single(messages, m => m.To.Mailboxes.Single().Address == to);
}
