using Microsoft.EntityFrameworkCore;
using Purser.Engine.Access;
using Purser.Engine.Storage;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Accounts;

/// <summary>Billing accounts and profiles as the Microsoft.Billing surface reads them.</summary>
public sealed class AccountQueries(PurserStore store)
{
    /// <summary>The accounts a caller may see at all (<see cref="AccessRules.CanSee"/>), by name.</summary>
    public async Task<IReadOnlyList<BillingAccountRecord>> VisibleAccountsAsync(Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = store.CreateContext();
        var accounts = db.BillingAccounts.AsNoTracking();
        if (!caller.IsOperator)
        {
            var tenants = caller.Grants.Select(g => g.AccountId).Append(caller.HomeAccountId ?? Guid.Empty).Distinct().ToList();
            accounts = accounts.Where(a => tenants.Contains(a.Id));
        }
        var found = await accounts.OrderBy(a => a.Name).ToListAsync(ct);
        return [.. found.Where(a => AccessRules.CanSee(caller, a.Id)).Select(ToRecord)];
    }

    public async Task<BillingAccountRecord?> FindAccountAsync(string accountName, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var account = await db.BillingAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Name == accountName, ct);
        return account is null ? null : ToRecord(account);
    }

    /// <summary>The profiles of the given accounts, by account then profile name.</summary>
    public async Task<IReadOnlyList<BillingProfileRecord>> ProfilesAsync(IReadOnlyCollection<Guid> accountIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        await using var db = store.CreateContext();
        var rows = await (from p in db.BillingProfiles
                          join a in db.BillingAccounts on p.BillingAccountId equals a.Id
                          where accountIds.Contains(a.Id)
                          orderby a.Name, p.Name
                          select new { Profile = p, AccountName = a.Name }).AsNoTracking().ToListAsync(ct);
        return [.. rows.Select(r => ToRecord(r.Profile, r.AccountName))];
    }

    public async Task<BillingProfileRecord?> FindProfileAsync(Guid accountId, string profileName, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        var row = await (from p in db.BillingProfiles
                         join a in db.BillingAccounts on p.BillingAccountId equals a.Id
                         where a.Id == accountId && p.Name == profileName
                         select new { Profile = p, AccountName = a.Name }).AsNoTracking().FirstOrDefaultAsync(ct);
        return row is null ? null : ToRecord(row.Profile, row.AccountName);
    }

    private static BillingAccountRecord ToRecord(BillingAccount a) =>
        new(a.Id, a.Name, a.DisplayName, a.AgreementType, a.AccountType, a.AccountStatus, ToRecord(a.SoldTo));

    private static BillingProfileRecord ToRecord(BillingProfile p, string accountName) =>
        new(p.Id, p.BillingAccountId, accountName, p.Name, p.DisplayName, p.Currency, p.InvoiceDay, p.InvoiceEmailOptIn, p.PoNumber,
            p.Status, p.TimeZone, ToRecord(p.BillTo));

    internal static PostalAddress ToRecord(Address a) =>
        new(a.AddressLine1, a.AddressLine2, a.City, a.Region, a.PostalCode, a.Country, a.CompanyName);
}
