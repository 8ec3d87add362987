namespace Purser.Engine.Storage.Entities;

/// <summary>A user holds a role at one scope: a billing account, a billing profile or a subscription.</summary>
internal sealed class RoleAssignment
{
    public Guid Id { get; set; }
    public Guid BillingAccountId { get; set; }
    public Guid UserId { get; set; }
    public required string Role { get; set; }
    public required string ScopeKind { get; set; }
    public Guid ScopeId { get; set; }
    public DateTime CreatedAt { get; set; }
}
