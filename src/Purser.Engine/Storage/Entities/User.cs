namespace Purser.Engine.Storage.Entities;

/// <summary>A person who signs in; the home billing account is null for operators.</summary>
internal sealed class User
{
    public Guid Id { get; set; }
    public Guid? BillingAccountId { get; set; }
    public required string Email { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Phone { get; set; }
    public string? Company { get; set; }
    public string? PasswordHash { get; set; }
    public bool IsOperator { get; set; }

    /// <summary>For a partner's own staff: the partner whose reconciliation files and customers they may read.</summary>
    public string? PartnerId { get; set; }
    public string PreferredLanguage { get; set; } = "zh-Hans";

    /// <summary>When the person turned optional notices off (weekly reminder, credit alerts, expiring credit, run-out forecast); null while they take them.</summary>
    public DateTime? UnsubscribedAt { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Wrong portal passwords since the last sign-in or lockout; stored so every server counts the same attempts.</summary>
    public int FailedSignIns { get; set; }
    public DateTime? LockedUntil { get; set; }
}
