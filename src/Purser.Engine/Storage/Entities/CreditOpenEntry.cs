namespace Purser.Engine.Storage.Entities;

/// <summary>
/// A pending journal entry no invoice has settled yet: added with the entry, removed with its settled
/// twin. Together with the lots these are a ledger's open state, all a change needs to load.
/// </summary>
internal sealed class CreditOpenEntry
{
    public Guid BillingAccountId { get; set; }
    public Guid BillingProfileId { get; set; }
    public required string IdempotencyKey { get; set; }
}
