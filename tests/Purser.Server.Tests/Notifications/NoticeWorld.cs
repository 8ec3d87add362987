using MimeKit;
using Purser.Engine;
using Purser.Server.Jobs;
using Purser.Testing;

namespace Purser.Server.Tests.Notifications;

/// <summary>
/// What the notice tests start from: an SMTP sink, a server whose own background work is stopped (the test drives each pass
/// on its clock), a profile at UTC+14 (Kiritimati, a local day ahead of UTC) with one subscription of the offer given, an en
/// and a zh-Hant administrator, and a sender to the sink.
/// </summary>
internal sealed class NoticeWorld : IAsyncDisposable
{
    public static readonly TimeSpan Kiritimati = TimeSpan.FromHours(14);

    private NoticeWorld(SmtpSink smtp, PurserApi api, UsageFixture fixture, HttpClient op)
    {
        Smtp = smtp;
        Api = api;
        Fixture = fixture;
        Operator = op;
        Sender = NoticeMail.SenderTo(smtp, api);
    }

    public SmtpSink Smtp { get; }
    public PurserApi Api { get; }
    public UsageFixture Fixture { get; }
    public HttpClient Operator { get; }
    public OutboxWorker Sender { get; }

    public static async Task<NoticeWorld> StartAsync(StorageEngine engine, DateTimeOffset start, string offerType)
    {
        var smtp = await SmtpSink.StartAsync();
        var api = await PurserApi.StartAsync(engine, start);
        await api.StopBackgroundWorkAsync();
        var fixture = await UsageFixture.CreateAsync(api, offerType: offerType, timeZone: "Pacific/Kiritimati");
        var op = api.Operator();
        await NoticeMail.AddAdministratorAsync(op, fixture.AccountId, "wang@example.cn", "Lei", "Wang", "en");
        await NoticeMail.AddAdministratorAsync(op, fixture.AccountId, "chen@example.cn", "大文", "陳", "zh-Hant");
        return new NoticeWorld(smtp, api, fixture, op);
    }

    /// <summary>The messages of these kinds the sink received, oldest first; each Message-ID must have arrived once.</summary>
    public List<MimeMessage> Received(params string[] kinds)
    {
        var received = Smtp.Received().Where(m => kinds.Contains(m.Headers["X-Purser-Kind"])).OrderBy(m => m.Date).ToList();
        Assert.All(received.GroupBy(m => m.MessageId), copies => Assert.Single(copies));
        return received;
    }

    public async ValueTask DisposeAsync()
    {
        Operator.Dispose();
        await Api.DisposeAsync();
        Smtp.Dispose();
    }
}
