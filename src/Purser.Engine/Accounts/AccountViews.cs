namespace Purser.Engine.Accounts;

public sealed record BillingAccountView(Guid Id, string Name, string DisplayName, string AgreementType, string AccountType, string AccountStatus);

public sealed record BillingProfileView(Guid Id, Guid BillingAccountId, string Name, string DisplayName, string Currency, int InvoiceDay,
    string TimeZone, bool InvoiceEmailOptIn, string PaymentMethod, string Language);

public sealed record UserView(Guid Id, Guid? BillingAccountId, string Email, string? FirstName, string? LastName, bool IsOperator, string? PartnerId);

public sealed record RoleAssignmentView(Guid Id, Guid BillingAccountId, Guid UserId, string Role, string ScopeKind, Guid ScopeId);

/// <summary>
/// The token itself is shown once, here; afterwards only its hash exists, and a replayed
/// creation answers with <see cref="Token"/> null.
/// </summary>
public sealed record ApiTokenView(Guid Id, Guid UserId, string Name, string? Token, DateTime? ExpiresAt);

/// <summary>A token as listed: never its secret nor its hash.</summary>
public sealed record ApiTokenSummary(Guid Id, Guid UserId, string Name, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? RevokedAt);
