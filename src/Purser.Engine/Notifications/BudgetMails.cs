using System.Globalization;
using Purser.Core.Monetary;
using Purser.Engine.Consumption;
using Purser.Engine.Storage;
using Purser.Engine.Storage.Entities;
using Purser.Engine.Webhooks;

namespace Purser.Engine.Notifications;

/// <summary>
/// A budget's stop and restore, told to each account administrator from the step's outbox event when it is fanned out,
/// once per event and administrator. They are service notices: usage stopping is not optional news.
/// </summary>
internal static class BudgetMails
{
    public const string StoppedKind = "BudgetStoppedNotice";
    public const string RestoredKind = "BudgetRestoredNotice";

    public static async Task<int> WriteAsync(PurserDbContext db, OutboxMessage ev, IMailComposer composer, DateTimeOffset now, CancellationToken ct)
    {
        var kind = ev.Kind switch
        {
            WebhookEventTypes.BudgetStopped => StoppedKind,
            WebhookEventTypes.BudgetRestored => RestoredKind,
            _ => null,
        };
        if (kind is null || ev.BillingAccountId is not { } accountId || BudgetStepData.Parse(ev.Data) is not { } data)
            return 0;
        var written = 0;
        foreach (var to in await AccountAdministrators.OfAsync(db, accountId, ct))
        {
            var notice = new BudgetStepNotice(data.Name, kind == StoppedKind, new Money(data.Amount, Currency.Parse(data.Currency)),
                new Money(data.Spent, Currency.Parse(data.Currency)), data.PeriodNext, to);
            var key = string.Create(CultureInfo.InvariantCulture, $"budget:{ev.MessageId:N}:{to.UserId:N}");
            db.Outbox.Add(OutboxMails.Email(accountId, kind, to, composer.BudgetStep(notice), key, now));
            written++;
        }
        return written;
    }
}

/// <summary>What a budget's stop or restore tells one administrator; <see cref="PeriodEnds"/> is the local day the next period starts.</summary>
public sealed record BudgetStepNotice(string BudgetName, bool Stopped, Money Amount, Money Spent, DateOnly PeriodEnds, ReminderRecipient Recipient);
