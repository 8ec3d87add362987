using Microsoft.EntityFrameworkCore;
using Purser.Core.Calendar;
using Purser.Engine.Credits;
using Purser.Engine.Storage;

namespace Purser.Engine.Usage;

/// <summary>A billing profile's terms for reading its usage: its days, its cycles and its currency.</summary>
internal sealed record ProfileTerms(Guid Id, string Name, string DisplayName, string Currency, BillingTimeZone Zone, AnniversaryCalendar Calendar)
{
    /// <summary>The instant <paramref name="day"/> starts on this profile's clock, as stored timestamps are kept (UTC).</summary>
    public DateTime StartOf(DateOnly day) => Zone.StartOf(day).UtcDateTime;
}

internal sealed record SubscriptionTerms(Guid Id, string DisplayName, Guid ProfileId, DateTimeOffset CreatedAt);

/// <summary>The account, profiles and subscriptions a <see cref="UsageScope"/> covers, loaded once per query.</summary>
internal sealed record UsageScopeMembers(
    Guid AccountId,
    string AccountName,
    string AccountDisplayName,
    IReadOnlyDictionary<Guid, ProfileTerms> Profiles,
    IReadOnlyDictionary<Guid, SubscriptionTerms> Subscriptions)
{
    public static async Task<UsageScopeMembers?> LoadAsync(PurserDbContext db, UsageScope scope, CancellationToken ct)
    {
        var account = await db.BillingAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == scope.AccountId, ct);
        if (account is null)
            return null;
        var profiles = db.BillingProfiles.AsNoTracking().Where(p => p.BillingAccountId == scope.AccountId);
        if (scope.ProfileId is { } profileId)
            profiles = profiles.Where(p => p.Id == profileId);
        var subscriptions = db.Subscriptions.AsNoTracking().Where(s => s.BillingAccountId == scope.AccountId);
        if (scope.ProfileId is { } billedTo)
            subscriptions = subscriptions.Where(s => s.BillingProfileId == billedTo);
        if (scope.SubscriptionId is { } subscriptionId)
            subscriptions = subscriptions.Where(s => s.Id == subscriptionId);
        return new UsageScopeMembers(account.Id, account.Name, account.DisplayName,
            (await profiles.ToListAsync(ct)).ToDictionary(p => p.Id, p => new ProfileTerms(p.Id, p.Name, p.DisplayName, p.Currency,
                BillingTimeZone.Resolve(p.TimeZone), AnniversaryCalendar.OnDay(p.InvoiceDay))),
            (await subscriptions.ToListAsync(ct)).ToDictionary(s => s.Id, s => new SubscriptionTerms(s.Id, s.DisplayName, s.BillingProfileId, LedgerMapping.Utc(s.CreatedAt))));
    }

    public IEnumerable<string> Currencies => Profiles.Values.Select(p => p.Currency).Distinct(StringComparer.Ordinal);
}
