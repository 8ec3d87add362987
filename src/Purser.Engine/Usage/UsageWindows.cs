using System.Linq.Expressions;
using Purser.Engine.Storage.Entities;

namespace Purser.Engine.Usage;

/// <summary>
/// Local usage days become instants per billing profile, since each profile counts days in its
/// own time zone: the events of a scope are those of its subscriptions whose timestamps fall
/// inside their profile's window. Profiles that share a window share one clause.
/// </summary>
internal static class UsageWindows
{
    /// <summary>The events of <paramref name="members"/> on <paramref name="days"/>, or, when null, in each profile's billing period containing today.</summary>
    public static Expression<Func<UsageEvent, bool>> Predicate(UsageScopeMembers members, UsageDays? days, DateTimeOffset now)
    {
        var clauses = members.Subscriptions.Values
            .GroupBy(s => Window(members.Profiles[s.ProfileId], days, now))
            .Select(g => Clause([.. g.Select(s => s.Id)], g.Key.From, g.Key.To))
            .ToList();
        return clauses.Count == 0 ? e => false : clauses.Aggregate(Or);
    }

    private static (DateTime From, DateTime To) Window(ProfileTerms profile, UsageDays? days, DateTimeOffset now)
    {
        var (first, last) = days is null
            ? Current(profile, now)
            : days.In(profile.Zone);
        return (profile.StartOf(first), profile.StartOf(last.AddDays(1)));
    }

    private static (DateOnly, DateOnly) Current(ProfileTerms profile, DateTimeOffset now)
    {
        var period = profile.Calendar.PeriodContaining(profile.Zone.DayOf(now));
        return (period.Start, period.End);
    }

    // Captured locals, so the database sees parameters rather than constants.
    private static Expression<Func<UsageEvent, bool>> Clause(List<Guid> subscriptionIds, DateTime from, DateTime to) =>
        e => subscriptionIds.Contains(e.SubscriptionId) && e.Timestamp >= from && e.Timestamp < to;

    private static Expression<Func<UsageEvent, bool>> Or(Expression<Func<UsageEvent, bool>> left, Expression<Func<UsageEvent, bool>> right)
    {
        var e = left.Parameters[0];
        return Expression.Lambda<Func<UsageEvent, bool>>(Expression.OrElse(left.Body, new Rebind(right.Parameters[0], e).Visit(right.Body)), e);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
