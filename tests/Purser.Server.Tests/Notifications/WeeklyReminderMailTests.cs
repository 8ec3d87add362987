using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using Purser.Engine;
using Purser.Engine.Notifications;
using Purser.Engine.Telemetry;
using Purser.Server.Jobs;
using Purser.Server.Notifications;
using Purser.Testing;

namespace Purser.Server.Tests.Notifications;

/// <summary>
/// R-WEEKLY over real SMTP: September 2019 hour by hour on a Shanghai profile with three account
/// administrators (en, zh-Hant, zh-Hans), weekly charges and a second top-up, and the SMTP server
/// down over one Monday morning. Two senders share the outbox, as two server processes would.
/// </summary>
public class WeeklyReminderMailTests
{
    private static readonly DateTimeOffset Start = new(2019, 9, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2019, 10, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset SmtpDown = new(2019, 9, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SmtpBack = new(2019, 9, 16, 3, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly[] Mondays = [new(2019, 9, 2), new(2019, 9, 9), new(2019, 9, 16), new(2019, 9, 23), new(2019, 9, 30)];

    // Credit-eligible charges drawn from credit each Wednesday, and a second top-up on 9/18 whose lot ends later.
    private static readonly (DateTimeOffset At, decimal Amount)[] Charges =
        [(new(2019, 9, 4, 12, 0, 0, TimeSpan.Zero), 123.45m), (new(2019, 9, 11, 12, 0, 0, TimeSpan.Zero), 200.10m),
         (new(2019, 9, 18, 12, 0, 0, TimeSpan.Zero), 57.00m), (new(2019, 9, 25, 12, 0, 0, TimeSpan.Zero), 310.99m)];
    private static readonly DateTimeOffset TopUp = new(2019, 9, 18, 6, 0, 0, TimeSpan.Zero);

    // Remaining credit and the day the last usable lot ends, as of each Monday, worked out by hand from the story above.
    private static readonly Dictionary<DateOnly, (string Credit, DateOnly Ends)> Expected = new()
    {
        [Mondays[0]] = ("1,000.00", new(2020, 9, 1)),
        [Mondays[1]] = ("876.55", new(2020, 9, 1)),
        [Mondays[2]] = ("676.45", new(2020, 9, 1)),
        [Mondays[3]] = ("2,119.45", new(2020, 9, 18)),
        [Mondays[4]] = ("1,808.46", new(2020, 9, 18)),
    };

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Each_Monday_at_nine_every_account_administrator_gets_one_reminder_in_their_language_even_across_an_smtp_outage(StorageEngine engine)
    {
        using var smtp = await SmtpSink.StartAsync();
        var mail = new MailSettings(smtp.Folder, "Purser 账单 <billing@purser.test>") { SmtpHost = "127.0.0.1", SmtpPort = smtp.Port, Security = SmtpSecurity.None };
        await using var api = await PurserApi.StartAsync(engine, Start);
        var world = await BuildAsync(api);
        var senders = Enumerable.Range(0, 2).Select(_ => NoticeMail.Sender(api, new SmtpMailTransport(mail), mail)).ToList();
        var reminders = api.Services.GetRequiredService<WeeklyReminders>();

        var pendingCharges = new Queue<(DateTimeOffset At, decimal Amount)>(Charges);
        var toppedUp = false;
        for (var now = Start; now <= End; now = now.AddHours(1))
        {
            api.AdvanceClockTo(now);
            using (var op = api.Operator())
            {
                while (pendingCharges.TryPeek(out var c) && c.At <= now)
                {
                    pendingCharges.Dequeue();
                    var charge = await PurserApi.CreatedAsync(op, "/ops/charges", new
                    {
                        billingProfileId = world.ProfileId, subscriptionId = world.SubscriptionId, amount = c.Amount, description = "支持计划", creditEligible = true,
                    });
                    Assert.Equal(c.Amount, charge.GetProperty("coveredByCredit").GetDecimal());
                }
                if (!toppedUp && TopUp <= now)
                {
                    await PurserApi.CreatedAsync(op, "/ops/payments", new { subscriptionId = world.SubscriptionId, amount = 1500m });
                    toppedUp = true;
                }
            }
            if (now == SmtpDown)
                smtp.Stop();
            if (now == SmtpBack)
                await smtp.StartAgainAsync();

            // The server's own minute job writes them too, racing this call: the once-key lets one of the two win.
            var (_, failed) = await reminders.WriteDueAsync(CancellationToken.None);
            Assert.Empty(failed);
            if (now == new DateTimeOffset(2019, 9, 16, 1, 0, 0, TimeSpan.Zero))
                await AssertBackoffWhileDownAsync(api, senders);
            else
                foreach (var sender in senders)
                    await sender.SendDueAsync(CancellationToken.None);
        }

        var received = smtp.Received();
        Assert.All(received.GroupBy(m => m.MessageId), copies => Assert.Single(copies));
        Assert.Equal(Mondays.Length * world.Admins.Count, received.Count);
        foreach (var monday in Mondays)
        {
            foreach (var admin in world.Admins)
            {
                var message = Assert.Single(received, m => m.To.Mailboxes.Single().Address == admin.Email && m.Date == LocalNine(monday));
                AssertReminder(message, admin, monday);
            }
        }
        await using var db = api.Database.Store.CreateContext();
        var rows = await db.Outbox.AsNoTracking().Where(m => m.Kind == WeeklyReminders.Kind).ToListAsync();
        Assert.Equal(Mondays.Length * world.Admins.Count, rows.Count);
        Assert.All(rows, r => Assert.NotNull(r.SentAt));
        var outage = rows.Where(r => r.CreatedAt == LocalNine(Mondays[2]).UtcDateTime).ToList();
        Assert.Equal(world.Admins.Count, outage.Count);
        Assert.All(outage, r => Assert.True(r.Attempts > 2 && r.SentAt >= SmtpBack.UtcDateTime && r.LastError is not null, $"{r.Attempts} attempts, sent {r.SentAt}"));
    }

    /// <summary>The outage Monday's first hour: each reminder fails, waits 30 s, fails again, then waits 60 s.</summary>
    private static async Task AssertBackoffWhileDownAsync(PurserApi api, List<OutboxWorker> senders)
    {
        var firstTry = api.Clock.GetUtcNow();
        Assert.Equal((0, 3), await senders[0].SendDueAsync(CancellationToken.None));
        Assert.Equal((0, 0), await senders[1].SendDueAsync(CancellationToken.None));
        await AssertWaitingAsync(api, attempts: 1, nextAt: firstTry + OutboxBackoff.After(1));
        api.Clock.Advance(OutboxBackoff.After(1) - TimeSpan.FromSeconds(1));
        Assert.Equal((0, 0), await senders[1].SendDueAsync(CancellationToken.None));
        api.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal((0, 3), await senders[1].SendDueAsync(CancellationToken.None));
        await AssertWaitingAsync(api, attempts: 2, nextAt: api.Clock.GetUtcNow() + OutboxBackoff.After(2));
        Assert.Equal(TimeSpan.FromSeconds(60), OutboxBackoff.After(2));
    }

    private static async Task AssertWaitingAsync(PurserApi api, int attempts, DateTimeOffset nextAt)
    {
        await using var db = api.Database.Store.CreateContext();
        var unsent = await db.Outbox.AsNoTracking().Where(m => m.Kind == WeeklyReminders.Kind && m.SentAt == null).ToListAsync();
        Assert.Equal(3, unsent.Count);
        Assert.All(unsent, m =>
        {
            Assert.Equal(attempts, m.Attempts);
            Assert.Equal(nextAt.UtcDateTime, m.NextAttemptAt);
            Assert.Null(m.LeaseUntil);
            Assert.StartsWith("SocketException", m.LastError, StringComparison.Ordinal);
        });
    }

    private static void AssertReminder(MimeMessage message, Admin admin, DateOnly monday)
    {
        var (credit, ends) = Expected[monday];
        var days = ends.DayNumber - monday.DayNumber;
        Assert.Equal("billing@purser.test", message.From.Mailboxes.Single().Address);
        Assert.IsType<MultipartAlternative>(message.Body);
        Assert.EndsWith("@purser", message.MessageId, StringComparison.Ordinal);
        var text = Assert.IsType<string>(message.TextBody).ReplaceLineEndings("\n");
        var html = Assert.IsType<string>(message.HtmlBody);
        Assert.DoesNotContain("按需", text, StringComparison.Ordinal);
        switch (admin.Language)
        {
            case "en":
                Assert.Equal($"Azure balance reminder: 生产 ({En(monday)})", message.Subject);
                Assert.StartsWith("Hello Lei Wang,\n", text, StringComparison.Ordinal);
                Assert.Contains($"\n生产环境: remaining credit CNY {credit}, remaining days {days} (credit ends {En(ends)})\n", text, StringComparison.Ordinal);
                Assert.Contains("<th>Remaining credit</th>", html, StringComparison.Ordinal);
                break;
            case "zh-Hant":
                Assert.Equal($"Azure 餘額提醒：生产（{Zh(monday)}）", message.Subject);
                Assert.StartsWith("陳大文，您好：\n", text, StringComparison.Ordinal);
                Assert.Contains($"\n生产环境：剩餘信用額度 CNY {credit}，剩餘天數 {days}（{Zh(ends)} 到期）\n", text, StringComparison.Ordinal);
                Assert.Contains("<th>剩餘信用額度</th>", html, StringComparison.Ordinal);
                break;
            default:
                Assert.Equal($"Azure 余额提醒：生产（{Zh(monday)}）", message.Subject);
                Assert.StartsWith("您好：\n", text, StringComparison.Ordinal);
                Assert.Contains($"\n生产环境：剩余信用额度 CNY {credit}，剩余天数 {days}（{Zh(ends)} 到期）\n", text, StringComparison.Ordinal);
                Assert.Contains("<th>剩余信用额度</th>", html, StringComparison.Ordinal);
                break;
        }
        Assert.Contains($"<td style=\"text-align:right\">CNY {credit}</td>", html, StringComparison.Ordinal);
    }

    private static DateTimeOffset LocalNine(DateOnly day) => new(day.ToDateTime(new TimeOnly(9, 0)), Shanghai);

    private static string En(DateOnly day) => day.ToString("MMM d, yyyy", System.Globalization.CultureInfo.GetCultureInfo("en"));

    private static string Zh(DateOnly day) => $"{day.Year}年{day.Month}月{day.Day}日";

    private sealed record Admin(string Email, string Language);

    private sealed record World(Guid ProfileId, Guid SubscriptionId, IReadOnlyList<Admin> Admins);

    private static async Task<World> BuildAsync(PurserApi api)
    {
        var f = await UsageFixture.CreateAsync(api, offerType: "StandardPrepaid");
        using var op = api.Operator();
        await PurserApi.CreatedAsync(op, "/ops/subscriptions", new { billingProfileId = f.ProfileId, displayName = "按需", offerType = "PayAsYouGo" });
        await PurserApi.CreatedAsync(op, "/ops/payments", new { subscriptionId = f.SubscriptionId, amount = 1000m });
        // A profile that turned billing e-mail off gets no reminders.
        var quiet = await PurserApi.CreatedAsync(op, "/ops/billingProfiles", new { billingAccountId = f.AccountId, displayName = "研发", currency = "CNY", timeZone = "UTC", invoiceEmailOptIn = false });
        var quietSub = await PurserApi.CreatedAsync(op, "/ops/subscriptions", new { billingProfileId = quiet.GetProperty("id").GetGuid(), displayName = "研发环境", offerType = "StandardPrepaid" });
        await PurserApi.CreatedAsync(op, "/ops/payments", new { subscriptionId = quietSub.GetProperty("id").GetGuid(), amount = 1000m });

        var admins = new List<Admin>();
        foreach (var (email, first, last, language, role) in new (string, string?, string?, string?, string)[]
        {
            ("wang@example.cn", "Lei", "Wang", "en", "AccountAdministrator"),
            ("chen@example.cn", "大文", "陳", "zh-Hant", "AccountAdministrator"),
            ("li@example.cn", null, null, null, "AccountAdministrator"),
            ("reader@example.cn", "只读", "赵", null, "BillingAccountReader"),
        })
        {
            var user = await PurserApi.CreatedAsync(op, "/ops/users", new { billingAccountId = f.AccountId, email, firstName = first, lastName = last, preferredLanguage = language });
            await PurserApi.CreatedAsync(op, "/ops/roleAssignments", new { userId = user.GetProperty("id").GetGuid(), role, scopeId = f.AccountId });
            if (role == "AccountAdministrator")
                admins.Add(new Admin(email, language ?? "zh-Hans"));
        }
        return new World(f.ProfileId, f.SubscriptionId, admins);
    }
}
