namespace Purser.Engine.Storage.Entities;

/// <summary>A bearer token; only its SHA-256 hash is stored.</summary>
internal sealed class ApiToken
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string Name { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }

    /// <summary>When an operator shut the token off; a revoked token never authenticates again.</summary>
    public DateTime? RevokedAt { get; set; }
}
