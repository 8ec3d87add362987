namespace Purser.Engine.Usage;

/// <summary>
/// Writes validated events and their daily aggregates in one transaction, skipping event ids
/// already stored for the source. Returns the ids that were new.
/// </summary>
internal interface IUsageWriter
{
    Task<IReadOnlySet<string>> WriteAsync(string source, IReadOnlyList<ValidatedUsage> events, DateTime receivedAt, CancellationToken ct);
}
