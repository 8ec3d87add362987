using Purser.Engine.Notifications;
using Purser.Server.Hosting;

namespace Purser.Server.Operator;

/// <summary>Operator API: the e-mail outbox's messages (pending, sent, given up) and sending one again.</summary>
public static class OutboxMailApi
{
    public static RouteGroupBuilder MapOutboxMailApi(this RouteGroupBuilder ops)
    {
        ops.MapGet("/outbox/mail", async (string? status, int? top, OutboxMailCommands mail, CancellationToken ct) =>
            (await mail.ListAsync(status, top, ct)).Ok(list => new OperatorList<OutboxMailView>(list))).WithTags(OperatorTags.Mail);
        ops.MapPost("/outbox/mail/{messageId:guid}/retry", async (Guid messageId, OutboxMailCommands mail, CancellationToken ct) =>
            (await mail.RetryAsync(messageId, ct)).Ok()).WithTags(OperatorTags.Mail);
        return ops;
    }
}
