namespace Purser.Engine.Access;

/// <summary>Who is calling: resolved once per request from the bearer token.</summary>
public sealed record Caller(Guid UserId, string Email, bool IsOperator, Guid? HomeAccountId, IReadOnlyList<Grant> Grants, string? PartnerId = null)
{
    public bool Holds(Guid scopeId, IReadOnlySet<string> roles) =>
        Grants.Any(g => g.ScopeId == scopeId && roles.Contains(g.Role));

    public bool HoldsAny(Guid scopeId) => Grants.Any(g => g.ScopeId == scopeId);
}

/// <summary>One role a caller holds at one scope.</summary>
public sealed record Grant(string Role, string ScopeKind, Guid ScopeId, Guid AccountId);
