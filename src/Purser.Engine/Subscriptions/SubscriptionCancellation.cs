using Microsoft.EntityFrameworkCore;
using Purser.Core;
using Purser.Core.Calendar;
using Purser.Core.Ledger;
using Purser.Core.Lifecycle;
using Purser.Engine.Access;
using Purser.Engine.Accounts;
using Purser.Engine.Credits;
using Purser.Engine.Lifecycle;
using Purser.Engine.Storage;

namespace Purser.Engine.Subscriptions;

/// <summary>
/// Cancels a subscription at once as the Core's lifecycle decides it (R-ENT: who may cancel what through which door),
/// under the billing profile's lock so it never interleaves with a close or the lifecycle sweep; the transition is
/// announced in the outbox in the same transaction.
/// </summary>
public sealed class SubscriptionCancellation(PurserStore store, CreditBook book)
{
    public const string EnterpriseAgreement = "EnterpriseAgreement";

    /// <summary>Who the caller is when cancelling in the portal: an account administrator, of an enterprise agreement or not; null for anyone else.</summary>
    public static CancellingRole? PortalRole(Caller caller, Guid billingAccountId, string agreementType)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return !caller.Holds(billingAccountId, BillingRole.Administrators) ? null
            : agreementType == EnterpriseAgreement ? CancellingRole.EnterpriseAccountAdministrator
            : CancellingRole.AccountAdministrator;
    }

    public async Task<Outcome<SubscriptionView>> CancelAsync(Guid subscriptionId, CancellationRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        Guid? profileId;
        await using (var lookup = store.CreateContext())
            profileId = await lookup.Subscriptions.AsNoTracking().Where(s => s.Id == subscriptionId).Select(s => (Guid?)s.BillingProfileId).FirstOrDefaultAsync(ct);
        if (profileId is null)
            return InputRules.NotFound("Subscription", "subscriptionId", subscriptionId);
        return await book.ChangeAsync<SubscriptionView>(profileId.Value, async session =>
        {
            var subscription = await session.Db.Subscriptions.FirstAsync(s => s.Id == subscriptionId, ct);
            var lifecycle = LifecycleRecords.Load(subscription, BillingTimeZone.Resolve(session.Profile.TimeZone));
            var decided = lifecycle.Cancel(session.Now, request);
            if (!decided.IsAccepted)
                return decided.Refusal with { Target = decided.Refusal.Target ?? "subscriptionId" };
            LifecycleRecords.Apply(session, subscription, decided.Value);
            return (LedgerChange.None, SubscriptionCommands.View(subscription));
        }, ct);
    }
}
