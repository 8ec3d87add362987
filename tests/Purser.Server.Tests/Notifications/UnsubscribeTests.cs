using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Purser.Engine;
using Purser.Engine.Notifications;
using Purser.Testing;

namespace Purser.Server.Tests.Notifications;

/// <summary>
/// Unsubscribing from optional notices by the link in one of them: the Monday reminder carries the recipient's own link in its
/// words and the RFC 8058 one-click headers; the link's page asks before it changes anything; a mail program's one-click post
/// stops that address's optional notices (and only that address's), and a link that is not ours is refused.
/// </summary>
public class UnsubscribeTests
{
    private static readonly TimeSpan Kiritimati = NoticeWorld.Kiritimati;
    private static readonly DateTimeOffset Start = new(2019, 10, 1, 0, 30, 0, Kiritimati);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_one_click_link_of_a_weekly_reminder_stops_that_recipient_s_optional_notices(StorageEngine engine)
    {
        await using var w = await NoticeWorld.StartAsync(engine, Start, "StandardPrepaid");
        var (api, f, op) = (w.Api, w.Fixture, w.Operator);
        await PurserApi.CreatedAsync(op, "/ops/payments", new { subscriptionId = f.SubscriptionId, amount = 1000m });
        var reminders = api.Services.GetRequiredService<WeeklyReminders>();
        async Task MondayAsync(DateTimeOffset at)
        {
            api.AdvanceClockTo(at);
            await reminders.WriteDueAsync(CancellationToken.None);
            await w.Sender.SendDueAsync(CancellationToken.None);
        }

        var first = new DateTimeOffset(2019, 10, 7, 10, 0, 0, Kiritimati);
        await MondayAsync(first);
        var wang = NoticeMail.Single(w.Received(WeeklyReminders.Kind), "wang@example.cn", first);
        Assert.Equal("List-Unsubscribe=One-Click", wang.Headers["List-Unsubscribe-Post"]);
        var oneClick = new Uri(Assert.IsType<string>(wang.Headers["List-Unsubscribe"]).Trim('<', '>'));
        var page = Assert.Single(Assert.IsType<string>(wang.TextBody).Split(' ', '\n', '\r'), word => word.Contains("/portal/unsubscribe/", StringComparison.Ordinal));
        Assert.DoesNotContain(OptionalNotices.LinkMarker, wang.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{WebUtility.HtmlEncode(page)}\"", wang.HtmlBody, StringComparison.Ordinal);

        using var anyone = api.Client(null);
        using (var asked = await anyone.GetAsync(new Uri(page).PathAndQuery))
        {
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
            Assert.Contains("wang@example.cn", await asked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        // Reading the page changed nothing: a second Monday still reaches both, before the click.
        var second = first.AddDays(7);
        await MondayAsync(second);
        Assert.Equal(2, w.Received(WeeklyReminders.Kind).Count(m => m.Date == second));

        for (var click = 0; click < 2; click++)
        {
            using var clicked = await anyone.PostAsync(oneClick.PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
            Assert.Equal(HttpStatusCode.OK, clicked.StatusCode);
        }
        using (var forged = await anyone.PostAsync(oneClick.AbsolutePath[..^4] + "AAAA", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])))
            Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        using (var badPage = await anyone.GetAsync("/portal/unsubscribe/not-a-token"))
            Assert.Equal(HttpStatusCode.NotFound, badPage.StatusCode);

        var third = second.AddDays(7);
        await MondayAsync(third);
        Assert.Equal(["chen@example.cn"], w.Received(WeeklyReminders.Kind).Where(m => m.Date == third).Select(m => m.To.Mailboxes.Single().Address));
    }
}
