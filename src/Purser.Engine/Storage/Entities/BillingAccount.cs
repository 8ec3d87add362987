namespace Purser.Engine.Storage.Entities;

/// <summary>The tenant: everything that grows with customers carries its id (SPEC §6).</summary>
internal sealed class BillingAccount
{
    public Guid Id { get; set; }

    /// <summary>The ARM name, e.g. <c>{guid}:{guid}_{yyyy-MM-dd}</c>.</summary>
    public required string Name { get; set; }
    public required string DisplayName { get; set; }
    public required string AgreementType { get; set; }
    public required string AccountType { get; set; }
    public string AccountStatus { get; set; } = "Active";
    public Address SoldTo { get; set; } = new();
    public DateTime CreatedAt { get; set; }
}
