using System.Diagnostics;
using Purser.Core;
using Purser.Engine.Storage;
using Purser.Engine.Telemetry;

namespace Purser.Engine.Usage;

/// <summary>
/// Takes a batch of usage (R-OPS, issue "usage in"): validates every event, drops events whose (account, source, event id) was seen
/// before (in this batch, in earlier batches, before a restart) and reports them as duplicates,
/// then writes events and daily aggregates in one transaction and wakes rating.
/// </summary>
public sealed class UsageIngestion(PurserStore store, TimeProvider clock, RatingSignal rating, PurserMetrics metrics)
{
    private readonly IUsageWriter _writer = store.Engine == StorageEngine.Postgres
        ? new PostgresUsageWriter(store.PostgresDataSource!)
        : new SqliteUsageWriter(store.SqliteConnectionString!);

    private readonly KnownMeters _meters = new();

    /// <summary>The result, and whether the batch was refused as a whole (then nothing was written).</summary>
    public async Task<Outcome<(UsageBatchResult Result, bool Refused)>> IngestAsync(UsageBatch batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        // Wall time, not the injected clock: latency is the process's own, and a test's clock stands still through a batch.
        var started = Stopwatch.GetTimestamp();
        var outcome = await IngestCheckedAsync(batch, ct);
        // Every event received is counted once: written, dropped as a duplicate, or refused (invalid, or in a batch refused whole).
        var (accepted, duplicated) = outcome.IsAccepted && !outcome.Value.Refused ? (outcome.Value.Result.Accepted, outcome.Value.Result.Duplicates.Count) : (0, 0);
        metrics.UsageBatch(accepted, duplicated, (batch.Events?.Count ?? 0) - accepted - duplicated, Stopwatch.GetElapsedTime(started));
        return outcome;
    }

    private async Task<Outcome<(UsageBatchResult Result, bool Refused)>> IngestCheckedAsync(UsageBatch batch, CancellationToken ct)
    {
        var source = batch.Source ?? UsageLimits.DefaultSource;
        if (source.Length is 0 or > UsageLimits.MaxSourceLength)
            return new Refusal(RefusalCode.InvalidField, $"'source' must be 1 to {UsageLimits.MaxSourceLength} characters.", "source");
        if (batch.Events is null || batch.Events.Count == 0)
            return new Refusal(RefusalCode.MissingField, "'events' must hold at least one event.", "events");
        if (batch.Events.Count > UsageLimits.MaxBatchSize)
            return new Refusal(RefusalCode.BatchTooLarge, $"A batch holds at most {UsageLimits.MaxBatchSize} events; this one has {batch.Events.Count}.", "events");

        var now = clock.GetUtcNow();
        List<ValidatedUsage> valid;
        List<UsageEventError> errors;
        await using (var db = store.CreateContext())
            (valid, errors) = await UsageValidation.CheckAsync(db, _meters, batch.Events, now, ct);
        if (errors.Count > 0 && batch.AllowPartial != true)
            return (new UsageBatchResult(batch.Events.Count, 0, [], errors), true);

        var seen = new HashSet<UsageEventKey>();
        var unique = valid.Where(e => seen.Add(UsageEventKey.Of(e))).ToList();
        var inserted = unique.Count == 0 ? new HashSet<UsageEventKey>() : await store.OneWriterAsync(() => _writer.WriteAsync(source, unique, now.UtcDateTime, ct), ct);
        if (inserted.Count > 0)
            rating.Raise();
        // A duplicate is any event not written now: stored before, or repeated within this batch.
        var counted = new HashSet<UsageEventKey>();
        var duplicates = valid.Where(e => !(inserted.Contains(UsageEventKey.Of(e)) && counted.Add(UsageEventKey.Of(e)))).Select(e => e.EventId).ToList();
        return (new UsageBatchResult(batch.Events.Count, inserted.Count, duplicates, errors), false);
    }
}
