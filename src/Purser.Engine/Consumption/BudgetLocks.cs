using Microsoft.EntityFrameworkCore;
using Purser.Engine.Storage;

namespace Purser.Engine.Consumption;

/// <summary>
/// The row locks a stop decision takes before it reads a budget and its spend. Spend comes from several writers at once
/// (the rating pass of each profile an account budget covers, a budget write), and each reads only what the others have
/// committed; holding the budget's row until commit makes the later writer wait and then see the earlier one's charges
/// and amount, so spend that reaches the amount only together still stops the scope. Rows are locked in id order, after
/// the profile lock a rating pass holds, so two writers never wait on each other. PostgreSQL only: on SQLite the
/// caller's transaction (BEGIN IMMEDIATE) already keeps every other writer out.
/// </summary>
internal static class BudgetLocks
{
    /// <summary>The acting budgets of an account, as a rating pass of one of its profiles reviews them.</summary>
    public static Task ActingAsync(PurserDbContext db, Guid accountId, CancellationToken ct) => LockAsync(db,
        $"SELECT 1 FROM \"Budgets\" WHERE \"BillingAccountId\" = {accountId} AND (\"StopAction\" OR \"StoppedFrom\" IS NOT NULL) ORDER BY \"Id\" FOR UPDATE", ct);

    /// <summary>The budget called <paramref name="name"/> at <paramref name="scopePath"/>, the scope in any casing (as a budget is found).</summary>
    public static Task NamedAsync(PurserDbContext db, string scopePath, string name, CancellationToken ct) => LockAsync(db,
        $"SELECT 1 FROM \"Budgets\" WHERE \"Name\" = {name} AND lower(\"Scope\") = lower({scopePath}) ORDER BY \"Id\" FOR UPDATE", ct);

    public static Task OneAsync(PurserDbContext db, Guid budgetId, CancellationToken ct) =>
        LockAsync(db, $"SELECT 1 FROM \"Budgets\" WHERE \"Id\" = {budgetId} FOR UPDATE", ct);

    private static Task LockAsync(PurserDbContext db, FormattableString select, CancellationToken ct) =>
        db.Database.IsNpgsql() ? db.Database.ExecuteSqlInterpolatedAsync(select, ct) : Task.CompletedTask;
}
