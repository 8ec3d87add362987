using System.ComponentModel.DataAnnotations;

namespace Purser.Engine.Usage;

/// <summary>One usage report from a resource provider; (source, eventId) identifies it for ever.</summary>
public sealed record UsageEventInput([property: Required] string? EventId, [property: Required] Guid? SubscriptionId, [property: Required] Guid? MeterId, [property: Required] decimal? Quantity, [property: Required] DateTimeOffset? Timestamp,
    string? ResourceId, IReadOnlyDictionary<string, string>? Tags);

/// <summary>
/// A batch of usage. All-or-nothing by default: one invalid event refuses the batch. With
/// <see cref="AllowPartial"/> the valid events are kept and the invalid ones listed.
/// </summary>
public sealed record UsageBatch(string? Source, [property: Required] IReadOnlyList<UsageEventInput?>? Events, bool? AllowPartial);

public sealed record UsageEventError(int Index, string? EventId, string Code, string Message, string Target);

public sealed record UsageBatchResult(int Received, int Accepted, IReadOnlyList<string> Duplicates, IReadOnlyList<UsageEventError> Errors);
