using Microsoft.AspNetCore.Http.HttpResults;
using Purser.Core;
using Purser.Engine.Usage;
using Purser.Server.Hosting;

namespace Purser.Server.Operator;

/// <summary>
/// Operator API: usage ingestion from resource providers. The event id is each event's
/// idempotency key, so no Idempotency-Key header is needed: a replayed batch reports its events as duplicates.
/// </summary>
public static class UsageApi
{
    public static RouteGroupBuilder MapUsageApi(this RouteGroupBuilder ops)
    {
        ops.MapPost("/usage", async Task<Results<Ok<UsageBatchResult>, JsonHttpResult<ArmErrorBody>>> (UsageBatch body, UsageIngestion ingestion, CancellationToken ct) =>
        {
            var outcome = await ingestion.IngestAsync(body, ct);
            if (!outcome.IsAccepted)
                return ArmError.From(outcome.Refusal);
            var (result, refused) = outcome.Value;
            return refused
                ? ArmError.WithDetails(RefusalCode.InvalidUsageBatch,
                    $"{result.Errors.Count} of {result.Received} events are invalid; nothing was written. Fix them, or send allowPartial: true to keep the valid ones.",
                    result.Errors.Select(e => (e.Code, e.Message, e.Target)))
                : TypedResults.Ok(result);
        }).WithTags(OperatorTags.Usage);
        return ops;
    }
}
