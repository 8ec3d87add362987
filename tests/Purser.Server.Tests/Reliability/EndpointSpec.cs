using System.Text.Json.Nodes;

namespace Purser.Server.Tests.Reliability;

/// <summary>What a body field holds, which decides the bad values tried on it.</summary>
internal enum FieldKind
{
    /// <summary>Free text (a display name, a description): injection strings are valid and must be stored verbatim.</summary>
    Text,
    /// <summary>One of a fixed list of words.</summary>
    Choice,
    Email,
    Password,
    Currency,
    Zone,
    /// <summary>An identifier the caller chooses: letters, digits and '-'.</summary>
    Slug,
    /// <summary>An absolute http(s) URL (a webhook's receiver).</summary>
    Url,
    /// <summary>A reference to a partner by its (string) id.</summary>
    PartnerRef,
    /// <summary>A reference to another record by its GUID.</summary>
    Reference,
    Integer,
    Amount,
    /// <summary>An amount either side of zero (an adjustment): negative is valid, zero is not.</summary>
    SignedAmount,
    Flag,
    Date,
    Instant,
    /// <summary>A nested JSON object (an address, one usage event).</summary>
    Nested,
    List,
    /// <summary>A string-to-string map (tags).</summary>
    Map,
}

/// <summary>One field of a request body, by its JSON path ("soldTo.country", "events[0].quantity").</summary>
/// <param name="Required">Refused when missing or null from the endpoint's valid body.</param>
/// <param name="Conditional">
/// Required only by the kind of body the valid one is (a license-based subscription's seats, a customer's account), so
/// the OpenAPI document lists it as optional.
/// </param>
internal sealed record FieldSpec(string Path, FieldKind Kind, bool Required = false, bool ZeroAllowed = false, bool Conditional = false);

/// <summary>A case written by hand for a rule the field kinds do not express (a range, a cross-field check).</summary>
internal sealed record SpecialCase(string Label, string? Field, Action<JsonObject, SeededWorld> Mutate, int[] Statuses,
    Func<SeededWorld, string>? Path = null);

/// <summary>A mutating operator endpoint: where it is, one valid body (unique per <c>n</c>), and its fields.</summary>
internal sealed record EndpointSpec(
    string Name,
    HttpMethod Method,
    Func<SeededWorld, string> Path,
    Func<SeededWorld, int, JsonObject> Valid,
    IReadOnlyList<FieldSpec> Fields,
    IReadOnlyList<SpecialCase> Specials,
    bool TakesIdempotencyKey = true)
{
    public override string ToString() => Name;
}
