using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using Purser.Engine.Notifications;
using Purser.Engine.Telemetry;
using Purser.Server.Jobs;
using Purser.Server.Notifications;
using Purser.Testing;

namespace Purser.Server.Tests.Notifications;

/// <summary>What the notice tests share: administrators to mail, a sender to the SMTP sink, and the opening of a plain-paragraph notice.</summary>
internal static class NoticeMail
{
    public static async Task AddAdministratorAsync(HttpClient op, Guid accountId, string email, string? firstName, string? lastName, string? language)
    {
        var user = await PurserApi.CreatedAsync(op, "/ops/users", new { billingAccountId = accountId, email, firstName, lastName, preferredLanguage = language });
        await PurserApi.CreatedAsync(op, "/ops/roleAssignments", new { userId = user.GetProperty("id").GetGuid(), role = "AccountAdministrator", scopeId = accountId });
    }

    public static OutboxWorker SenderTo(SmtpSink smtp, PurserApi api)
    {
        var mail = new MailSettings(smtp.Folder, "Purser 账单 <billing@purser.test>") { SmtpHost = "127.0.0.1", SmtpPort = smtp.Port, Security = SmtpSecurity.None };
        return Sender(api, new SmtpMailTransport(mail), mail);
    }

    /// <summary>A sender of the test server's outbox through <paramref name="transport"/>, on the server's clock.</summary>
    public static OutboxWorker Sender(PurserApi api, IMailTransport transport, MailSettings mail) =>
        new(api.Services.GetRequiredService<OutboxDelivery>(), transport, mail, api.Services.GetRequiredService<MailAttachments>(),
            api.Services.GetRequiredService<UnsubscribeLinks>(), api.Services.GetRequiredService<PurserMetrics>(), api.Clock, NullLogger<OutboxWorker>.Instance);

    public static void AssertOpening(MimeMessage message, string subject, string greeting, string intro)
    {
        Assert.Equal(subject, message.Subject);
        Assert.IsType<MultipartAlternative>(message.Body);
        var text = Assert.IsType<string>(message.TextBody).ReplaceLineEndings("\n");
        Assert.StartsWith($"{greeting}\n\n{intro}\n", text, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(intro), message.HtmlBody, StringComparison.Ordinal);
    }

    /// <summary>The one message to <paramref name="to"/> dated <paramref name="date"/>.</summary>
    public static MimeMessage Single(IReadOnlyList<MimeMessage> messages, string to, DateTimeOffset date) =>
        Assert.Single(messages, m => m.To.Mailboxes.Single().Address == to && m.Date == date);
}
