namespace Purser.Engine.Access;

/// <summary>
/// R-ROLES as one set of pure rules. Operators see everything; a caller with no standing in
/// the scope's tenant gets NotFound; a caller of the tenant without a qualifying role gets Forbidden.
/// </summary>
public static class AccessRules
{
    /// <summary>Credit, invoice and balance views (R-ROLES).</summary>
    public static AccessDecision ReadBilling(Caller caller, BillingScope scope) =>
        Decide(caller, scope, BillingRole.AccountBillingReaders, BillingRole.ProfileBillingReaders);

    /// <summary>Changes to a scope's billing objects (budgets, profile settings).</summary>
    public static AccessDecision WriteBilling(Caller caller, BillingScope scope) =>
        Decide(caller, scope, BillingRole.Writers, BillingRole.Writers);

    /// <summary>Whether the account shows up for the caller at all (listing, hasReadAccess aside).</summary>
    public static bool CanSee(Caller caller, Guid accountId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.IsOperator || BelongsTo(caller, accountId);
    }

    private static AccessDecision Decide(Caller caller, BillingScope scope, IReadOnlySet<string> atAccount, IReadOnlySet<string> atProfile)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(scope);
        if (caller.IsOperator)
            return AccessDecision.Allowed;
        if (!BelongsTo(caller, scope.AccountId))
            return AccessDecision.NotFound;
        var allowed = caller.Holds(scope.AccountId, atAccount) || (scope.ProfileId is { } profile && caller.Holds(profile, atProfile));
        return allowed ? AccessDecision.Allowed : AccessDecision.Forbidden;
    }

    private static bool BelongsTo(Caller caller, Guid accountId) =>
        caller.HomeAccountId == accountId || caller.Grants.Any(g => g.AccountId == accountId);
}
