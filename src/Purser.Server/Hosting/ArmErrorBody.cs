using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Purser.Server.Hosting;

/// <summary>ARM's error body, <c>{"error":{"code","message","target","details"}}</c>: what every refusal of every face answers.</summary>
public sealed record ArmErrorBody([property: Required] ArmErrorDetail Error);

/// <summary>
/// The problem: a code of the error catalog, a message in the API's words, the field it concerns (when one does) and,
/// for a batch, each of its parts' problems.
/// </summary>
public sealed record ArmErrorDetail(
    [property: Required] string Code,
    [property: Required] string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Target = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ArmErrorPart>? Details = null);

/// <summary>One part's problem in a batch's error (an event of a usage batch): its code, message and field.</summary>
public sealed record ArmErrorPart([property: Required] string Code, [property: Required] string Message, [property: Required] string Target);
