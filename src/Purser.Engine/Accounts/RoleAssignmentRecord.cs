namespace Purser.Engine.Accounts;

/// <summary>A role a user holds at a billing scope, with who the user is.</summary>
public sealed record RoleAssignmentRecord(Guid Id, Guid BillingAccountId, Guid UserId, string UserEmail, Guid? UserHomeAccountId,
    string Role, string ScopeKind, Guid ScopeId, DateTimeOffset CreatedOn);
