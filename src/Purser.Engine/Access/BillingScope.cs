namespace Purser.Engine.Access;

/// <summary>A billing account, and optionally one of its profiles, that a request addresses.</summary>
public sealed record BillingScope(Guid AccountId, string AccountName, Guid? ProfileId = null, string? ProfileName = null, string Currency = "CNY")
{
    public bool IsProfile => ProfileId is not null;
}
