using Microsoft.EntityFrameworkCore;
using Purser.Core.Ledger;
using Purser.Engine.Credits;
using Purser.Engine.Jobs;
using Purser.Engine.Rating;
using Purser.Engine.Storage;

namespace Purser.Engine.Lifecycle;

public sealed record SweepResult(int Profiles, int LotsExpired, int SubscriptionsChanged, IReadOnlyList<ProfileFailure> Failed);

/// <summary>
/// The clock's side of the lifecycle: writes off credit whose lots have expired, then ticks
/// prepaid subscriptions whose timers are due (trial end, deletion 90 or 15 days after being
/// disabled), per billing profile in one transaction. Running it twice changes nothing more.
/// </summary>
public sealed class LifecycleSweep(PurserStore store, CreditBook book, TimeProvider clock)
{
    public async Task<SweepResult> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<Guid> profiles;
        await using (var db = store.CreateContext())
        {
            var expiring = db.CreditLots.Where(l => l.ExpirationDate <= now && l.CurrentBalance > 0m).Select(l => l.BillingProfileId);
            var due = db.Subscriptions.Where(s => s.NextCheckAt != null && s.NextCheckAt <= now).Select(s => s.BillingProfileId);
            profiles = await expiring.Union(due).Distinct().ToListAsync(ct);
        }
        var (swept, failed) = await ProfileFailures.EachAsync(profiles, store.ProfileParallelism, profileId => book.ChangeAsync<(int Lots, int Subscriptions)>(profileId, async session =>
        {
            var expiry = new ExpireCredit(session.Now).Decide(session.Ledger);
            var after = session.Ledger.Apply(expiry);
            var tick = await PrepaidEnforcement.ApplyAsync(session, after, ct);
            return (expiry, (expiry.Entries.Length, tick.SubscriptionsChanged));
        }, ct), ct);
        return new SweepResult(profiles.Count, swept.Sum(s => s.Lots), swept.Sum(s => s.Subscriptions), failed);
    }
}
