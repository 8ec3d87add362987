using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Purser.Engine;
using Purser.Engine.Notifications;
using Purser.Testing;

namespace Purser.Server.Tests.Notifications;

/// <summary>
/// E-mail that cannot be delivered stops being tried (a mailbox refused for good at once, any other failure three days
/// after the mail was written), leaves the backlog, is listed for the operator, and goes out once when the operator retries it.
/// </summary>
public class MailGiveUpTests
{
    // Monday 2 September 2019, 09:00 in Shanghai: the weekly reminder is written.
    private static readonly DateTimeOffset Nine = new(2019, 9, 2, 1, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_mailbox_the_server_refuses_for_good_is_given_up_after_one_attempt_and_listed_for_the_operator(StorageEngine engine)
    {
        using var smtp = await SmtpSink.StartAsync();
        await using var api = await PurserApi.StartAsync(engine, Nine.AddHours(-1));
        await ReminderDueAsync(api, "nobody@refused.invalid");
        var sender = NoticeMail.SenderTo(smtp, api);
        var outbox = api.Services.GetRequiredService<OutboxDelivery>();

        Assert.Equal((0, 1), await sender.SendDueAsync(CancellationToken.None));
        api.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal((0, 0), await sender.SendDueAsync(CancellationToken.None));
        Assert.Equal(0, await outbox.BacklogAsync(CancellationToken.None));
        Assert.Empty(smtp.Received());

        using var op = api.Operator();
        var mail = Assert.Single(await ListAsync(op, "GaveUp"));
        Assert.Equal("nobody@refused.invalid", mail.GetProperty("recipient").GetString());
        Assert.Equal(1, mail.GetProperty("attempts").GetInt32());
        Assert.Equal(Nine, mail.GetProperty("gaveUpAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, mail.GetProperty("nextAttemptAt").ValueKind);
        Assert.Contains("550", mail.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Empty(await ListAsync(op, "Pending"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Mail_still_failing_three_days_after_it_was_written_is_given_up_and_an_operators_retry_sends_it_once(StorageEngine engine)
    {
        using var smtp = await SmtpSink.StartAsync();
        smtp.Stop();
        await using var api = await PurserApi.StartAsync(engine, Nine.AddHours(-1));
        await ReminderDueAsync(api, "zhou@example.cn");
        var sender = NoticeMail.SenderTo(smtp, api);
        var outbox = api.Services.GetRequiredService<OutboxDelivery>();

        // Each pass at the moment the backoff names: 30 s doubling to an hour, for three days.
        var attempts = 0;
        for (var pass = 0; pass < 200 && await outbox.BacklogAsync(CancellationToken.None) == 1; pass++)
        {
            var (sent, failed) = await sender.SendDueAsync(CancellationToken.None);
            Assert.Equal(0, sent);
            attempts += failed;
            api.Clock.Advance(failed == 1 ? OutboxBackoff.After(attempts) : TimeSpan.FromMinutes(1));
        }
        Assert.Equal(0, await outbox.BacklogAsync(CancellationToken.None));
        using var op = api.Operator();
        var given = Assert.Single(await ListAsync(op, "GaveUp"));
        Assert.Equal(attempts, given.GetProperty("attempts").GetInt32());
        // The last attempt is the one whose next would fall past three days: 7 in the first hour's doubling, then hourly.
        Assert.InRange(given.GetProperty("gaveUpAt").GetDateTimeOffset(), Nine + OutboxBackoff.GiveUpAfter - OutboxBackoff.Longest, Nine + OutboxBackoff.GiveUpAfter);
        Assert.Equal(7 + 71, attempts);

        await smtp.StartAgainAsync();
        api.Clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal((0, 0), await sender.SendDueAsync(CancellationToken.None));
        var messageId = given.GetProperty("messageId").GetGuid();
        using (var retried = await PurserApi.PostAsync(op, $"/ops/outbox/mail/{messageId}/retry", new { }))
        {
            Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
            var view = await retried.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Pending", view.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, view.GetProperty("gaveUpAt").ValueKind);
        }
        Assert.Equal(1, await outbox.BacklogAsync(CancellationToken.None));
        Assert.Equal((1, 0), await sender.SendDueAsync(CancellationToken.None));
        Assert.Equal((0, 0), await sender.SendDueAsync(CancellationToken.None));
        var received = Assert.Single(smtp.Received());
        Assert.Equal($"{messageId:N}@purser", received.MessageId);
        var delivered = Assert.Single(await ListAsync(op, "Delivered"));
        Assert.Equal(attempts + 1, delivered.GetProperty("attempts").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_outbox_listing_and_retry_refuse_what_they_cannot_read_with_an_arm_error(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, Nine);
        using var op = api.Operator();

        using var status = await op.GetAsync("/ops/outbox/mail?status=Bounced");
        Assert.Equal(HttpStatusCode.BadRequest, status.StatusCode);
        Assert.Equal("status", (await status.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("target").GetString());
        using var top = await op.GetAsync("/ops/outbox/mail?top=0");
        Assert.Equal(HttpStatusCode.BadRequest, top.StatusCode);
        using var missing = await PurserApi.PostAsync(op, $"/ops/outbox/mail/{Guid.NewGuid()}/retry", new { });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static async Task ReminderDueAsync(PurserApi api, string email)
    {
        var f = await UsageFixture.CreateAsync(api, offerType: "StandardPrepaid");
        using (var op = api.Operator())
        {
            await PurserApi.CreatedAsync(op, "/ops/payments", new { subscriptionId = f.SubscriptionId, amount = 1000m });
            await NoticeMail.AddAdministratorAsync(op, f.AccountId, email, null, null, "en");
        }
        api.AdvanceClockTo(Nine);
        await api.Services.GetRequiredService<WeeklyReminders>().WriteDueAsync(CancellationToken.None);
    }

    private static async Task<JsonElement.ArrayEnumerator> ListAsync(HttpClient op, string status) =>
        (await op.GetFromJsonAsync<JsonElement>($"/ops/outbox/mail?status={status}")).GetProperty("value").EnumerateArray();
}
