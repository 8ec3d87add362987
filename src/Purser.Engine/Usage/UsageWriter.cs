namespace Purser.Engine.Usage;

/// <summary>
/// Writes validated events and their daily aggregates in one transaction, skipping events whose
/// (billing account, source, event id) is already stored. Returns the keys that were new.
/// </summary>
internal interface IUsageWriter
{
    Task<IReadOnlySet<UsageEventKey>> WriteAsync(string source, IReadOnlyList<ValidatedUsage> events, DateTime receivedAt, CancellationToken ct);
}
