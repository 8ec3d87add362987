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

/// <summary>The default delivery (.eml files, R-MAIL) through the server's own outbox worker, and a sender that dies between sending and marking.</summary>
public class OutboxDeliveryTests
{
    // Monday 2 September 2019, 09:00 in Shanghai.
    private static readonly DateTimeOffset Nine = new(2019, 9, 2, 1, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task With_no_smtp_server_the_server_writes_each_message_as_an_eml_file_named_by_its_message_id(StorageEngine engine)
    {
        var outbox = Directory.CreateTempSubdirectory("purser-outbox-").FullName;
        try
        {
            await using var api = await PurserApi.StartAsync(engine, Nine.AddHours(-1), new MailSettings(outbox));
            // Paid at 08:00 on 2 September in Shanghai: the credit lasts to 2 September 2020, 366 days across the leap day.
            await AdministratorAsync(api, "zhou@example.cn");
            // The server's own hosted worker, called here rather than waited for (its loop wakes on the moved clock too; the lease keeps them apart).
            var worker = api.Services.GetRequiredService<OutboxWorker>();
            api.AdvanceClockTo(Nine);
            await api.Services.GetRequiredService<WeeklyReminders>().WriteDueAsync(CancellationToken.None);
            await worker.SendDueAsync(CancellationToken.None);

            var row = await SingleReminderAsync(api);
            var file = Assert.Single(Directory.GetFiles(outbox, "*.eml"));
            Assert.Equal($"{row.MessageId:N}.eml", Path.GetFileName(file));
            var message = await MimeMessage.LoadAsync(file);
            Assert.Equal($"{row.MessageId:N}@purser", message.MessageId);
            Assert.Equal("zhou@example.cn", message.To.Mailboxes.Single().Address);
            Assert.Equal(("Purser", "billing@purser.localhost"), (message.From.Mailboxes.Single().Name, message.From.Mailboxes.Single().Address));
            Assert.Equal("Azure 余额提醒：生产（2019年9月2日）", message.Subject);
            Assert.Contains("生产环境：剩余信用额度 CNY 1,000.00，剩余天数 366（2020年9月2日 到期）", message.TextBody, StringComparison.Ordinal);
            Assert.NotNull(row.SentAt);
        }
        finally
        {
            Directory.Delete(outbox, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_sender_that_dies_after_sending_leaves_its_lease_to_run_out_and_the_resend_carries_the_same_message_id(StorageEngine engine)
    {
        var outbox = Directory.CreateTempSubdirectory("purser-outbox-").FullName;
        try
        {
            // No worker of the server's own: the two senders here are the only ones, so each step's outcome is certain.
            var mail = new MailSettings(outbox);
            await using var api = await PurserApi.StartAsync(engine, Nine.AddHours(-1));
            await AdministratorAsync(api, "zhou@example.cn");
            api.AdvanceClockTo(Nine);
            await api.Services.GetRequiredService<WeeklyReminders>().WriteDueAsync(CancellationToken.None);
            var delivery = api.Services.GetRequiredService<OutboxDelivery>();

            // The dead process claimed and sent, and never marked it sent.
            var letter = Assert.Single(await delivery.ClaimDueAsync("dead-process", CancellationToken.None));
            await new EmlOutboxTransport(outbox).SendAsync(OutboxMail.Build(letter, mail), CancellationToken.None);
            var worker = NoticeMail.Sender(api, new EmlOutboxTransport(outbox), mail);
            Assert.Equal((0, 0), await worker.SendDueAsync(CancellationToken.None));
            api.Clock.Advance(OutboxDelivery.Lease - TimeSpan.FromSeconds(1));
            Assert.Equal((0, 0), await worker.SendDueAsync(CancellationToken.None));
            api.Clock.Advance(TimeSpan.FromSeconds(2));
            Assert.Equal((1, 0), await worker.SendDueAsync(CancellationToken.None));
            Assert.Equal((0, 0), await worker.SendDueAsync(CancellationToken.None));

            // Both deliveries carried one Message-ID, so the outbox folder (a receiver that de-duplicates) holds one message.
            var file = Assert.Single(Directory.GetFiles(outbox, "*.eml"));
            Assert.Equal($"{letter.MessageId:N}@purser", (await MimeMessage.LoadAsync(file)).MessageId);
            var row = await SingleReminderAsync(api);
            Assert.Equal(1, row.Attempts);
            Assert.Equal((Nine + OutboxDelivery.Lease + TimeSpan.FromSeconds(1)).UtcDateTime, row.SentAt);
        }
        finally
        {
            Directory.Delete(outbox, recursive: true);
        }
    }

    private static async Task AdministratorAsync(PurserApi api, string email)
    {
        var f = await UsageFixture.CreateAsync(api, offerType: "StandardPrepaid");
        using var op = api.Operator();
        await PurserApi.CreatedAsync(op, "/ops/payments", new { subscriptionId = f.SubscriptionId, amount = 1000m });
        var user = await PurserApi.CreatedAsync(op, "/ops/users", new { billingAccountId = f.AccountId, email });
        await PurserApi.CreatedAsync(op, "/ops/roleAssignments", new { userId = user.GetProperty("id").GetGuid(), role = "AccountAdministrator", scopeId = f.AccountId });
    }

    private static async Task<Engine.Storage.Entities.OutboxMessage> SingleReminderAsync(PurserApi api)
    {
        await using var db = api.Database.Store.CreateContext();
        return await db.Outbox.AsNoTracking().SingleAsync(m => m.Kind == WeeklyReminders.Kind);
    }
}
