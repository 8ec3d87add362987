using System.Text.Json.Nodes;
using static Purser.Server.Tests.Reliability.FieldKind;

namespace Purser.Server.Tests.Reliability;

/// <summary>One request the server must refuse (or, for valid-but-hostile text, store verbatim).</summary>
/// <param name="Field">The JSON path the error must name; null for whole-body problems.</param>
/// <param name="Statuses">The acceptable refusal statuses.</param>
/// <param name="MayAccept">Whether a 2xx is also right (injection strings in free text, a zero usage quantity).</param>
/// <param name="Verbatim">When accepted, the value that must then be found unchanged in the database.</param>
internal sealed record BadInputCase(string Label, string? Field, int[] Statuses, BadRequestShape Request, bool MayAccept = false, string? Verbatim = null)
{
    public override string ToString() => Field is null ? Label : $"{Field}: {Label}";
}

/// <summary>How to send a case: the body as raw text (null for none), its content type (null for none), and whether to send an Idempotency-Key.</summary>
internal sealed record BadRequestShape(Func<SeededWorld, string> Path, Func<SeededWorld, int, string?> Body, string? ContentType, bool WithKey);

/// <summary>Derives the bad-input cases of an endpoint from its valid body and the kinds of its fields.</summary>
internal static class BadInputCases
{
    public const string SqlInjection = "'; DROP TABLE \"Users\"; --";
    public const string ScriptInjection = "<script>alert(1)</script>";
    private const string Json = "application/json";

    private static readonly int[] BadRequest = [400];
    private static readonly int[] BadOrNotFound = [400, 404];

    public static IReadOnlyList<BadInputCase> For(EndpointSpec endpoint)
    {
        var cases = new List<BadInputCase>();
        BadRequestShape Mutated(Action<JsonObject, SeededWorld> mutate, Func<SeededWorld, string>? path = null) =>
            new(path ?? endpoint.Path, (w, n) =>
            {
                var body = endpoint.Valid(w, n);
                mutate(body, w);
                return body.ToJsonString();
            }, Json, endpoint.TakesIdempotencyKey);
        BadRequestShape Raw(Func<SeededWorld, int, string?> body, string? contentType = Json, bool? withKey = null) =>
            new(endpoint.Path, body, contentType, withKey ?? endpoint.TakesIdempotencyKey);

        cases.Add(new("malformed JSON", null, BadRequest, Raw((_, _) => "{\"displayName\": ")));
        cases.Add(new("truncated body", null, BadRequest, Raw((w, n) => endpoint.Valid(w, n).ToJsonString()[..^1])));
        cases.Add(new("empty body", null, BadRequest, Raw((_, _) => "")));
        cases.Add(new("JSON null", null, BadRequest, Raw((_, _) => "null")));
        cases.Add(new("JSON array", null, BadRequest, Raw((_, _) => "[]")));
        cases.Add(new("JSON string", null, BadRequest, Raw((_, _) => "\"body\"")));
        cases.Add(new("text/plain content", null, [415], Raw((w, n) => endpoint.Valid(w, n).ToJsonString(), "text/plain")));
        cases.Add(new("no content type", null, [415], Raw((w, n) => endpoint.Valid(w, n).ToJsonString(), null)));
        if (endpoint.TakesIdempotencyKey)
            cases.Add(new("no Idempotency-Key", "Idempotency-Key", BadRequest, Raw((w, n) => endpoint.Valid(w, n).ToJsonString(), withKey: false)));

        foreach (var field in endpoint.Fields)
        {
            if (field.Required)
            {
                cases.Add(new("missing", field.Path, BadRequest, Mutated((b, _) => JsonPaths.Remove(b, field.Path))));
                cases.Add(new("null", field.Path, BadRequest, Mutated((b, _) => JsonPaths.Set(b, field.Path, null))));
            }
            foreach (var (label, value, statuses, mayAccept) in BadValues(field))
            {
                var verbatim = mayAccept && value is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
                cases.Add(new(label, field.Path, statuses, Mutated((b, _) => JsonPaths.Set(b, field.Path, value?.DeepClone())), mayAccept, verbatim));
            }
        }

        foreach (var special in endpoint.Specials)
            cases.Add(new(special.Label, special.Field, special.Statuses, Mutated(special.Mutate, special.Path)));
        return cases;
    }

    private static IEnumerable<(string Label, JsonNode? Value, int[] Statuses, bool MayAccept)> BadValues(FieldSpec field)
    {
        switch (field.Kind)
        {
            case Text or Choice or Email or Password or Currency or Zone or Slug or Url or PartnerRef:
                yield return ("number for a string", 12345, BadRequest, false);
                yield return ("array for a string", new JsonArray("x"), BadRequest, false);
                yield return ("10,000 characters", new string('x', 10_000), BadRequest, false);
                if (field.Required)
                {
                    yield return ("empty string", "", BadRequest, false);
                    yield return ("blank string", "   ", BadRequest, false);
                }
                if (field.Kind == Text)
                {
                    yield return ("SQL injection", SqlInjection, BadRequest, true);
                    yield return ("script injection", ScriptInjection, BadRequest, true);
                }
                else if (field.Kind != Password)
                {
                    var statuses = field.Kind == PartnerRef ? BadOrNotFound : BadRequest;
                    yield return ("SQL injection", SqlInjection, statuses, false);
                    yield return ("script injection", ScriptInjection, statuses, false);
                }
                var specific = field.Kind switch
                {
                    Choice => ("unknown choice", "NotAChoice", BadRequest),
                    Email => ("not an e-mail", "not-an-email", BadRequest),
                    Password => ("too short", "short", BadRequest),
                    Currency => ("unknown currency", "XYZ", BadRequest),
                    Zone => ("unknown time zone", "Mars/Olympus_Mons", BadRequest),
                    Slug => ("characters outside [A-Za-z0-9-]", "has space!", BadRequest),
                    Url => ("relative URL", "/hook", BadRequest),
                    PartnerRef => ("unknown partner", "NO-SUCH-PARTNER", BadOrNotFound),
                    _ => ((string, JsonNode?, int[])?)null,
                };
                if (specific is var (l, v, s))
                    yield return (l, v, s, false);
                break;
            case Reference:
                yield return ("number for a GUID", 42, BadRequest, false);
                yield return ("not a GUID", "not-a-guid", BadRequest, false);
                yield return ("unknown id", Guid.NewGuid().ToString(), BadOrNotFound, false);
                yield return ("empty GUID", Guid.Empty.ToString(), BadOrNotFound, false);
                break;
            case Integer or Amount:
                yield return ("word for a number", "twelve", BadRequest, false);
                // Strict number handling: a client that quotes its numbers has a bug to hear about, however sensible the digits.
                yield return ("number in a string", "12", BadRequest, false);
                yield return ("NaN as a string", "NaN", BadRequest, false);
                yield return ("object for a number", new JsonObject(), BadRequest, false);
                yield return ("negative", -1, BadRequest, false);
                yield return ("zero", 0, BadRequest, field.ZeroAllowed);
                yield return ("1e30", 1e30, BadRequest, false);
                yield return (field.Kind == Integer ? "fraction" : "1e15", field.Kind == Integer ? 2.5 : 1e15, BadRequest, false);
                break;
            case SignedAmount:
                yield return ("word for a number", "twelve", BadRequest, false);
                yield return ("NaN as a string", "NaN", BadRequest, false);
                yield return ("object for a number", new JsonObject(), BadRequest, false);
                yield return ("zero", 0, BadRequest, false);
                yield return ("1e30", 1e30, BadRequest, false);
                yield return ("1e15", 1e15, BadRequest, false);
                yield return ("-1e15", -1e15, BadRequest, false);
                break;
            case Flag:
                yield return ("word for a boolean", "yes", BadRequest, false);
                yield return ("boolean in a string", "true", BadRequest, false);
                yield return ("number for a boolean", 1, BadRequest, false);
                break;
            case Date:
                yield return ("impossible date", "2019-02-30", BadRequest, false);
                yield return ("not a date", "not a date", BadRequest, false);
                yield return ("number for a date", 20190801, BadRequest, false);
                break;
            case Instant:
                yield return ("impossible date", "2019-02-30T00:00:00Z", BadRequest, false);
                yield return ("not a date", "not a date", BadRequest, false);
                yield return ("number for a date", 20190801, BadRequest, false);
                break;
            case Nested:
                yield return ("string for an object", "text", BadRequest, false);
                yield return ("array for an object", new JsonArray(), BadRequest, false);
                break;
            case List:
                yield return ("object for an array", new JsonObject(), BadRequest, false);
                yield return ("string for an array", "text", BadRequest, false);
                if (field.Required)
                    yield return ("empty array", new JsonArray(), BadRequest, false);
                break;
            case Map:
                yield return ("array for a map", new JsonArray("x"), BadRequest, false);
                yield return ("number values", new JsonObject { ["k"] = 1 }, BadRequest, false);
                break;
            default:
                throw new InvalidOperationException($"No bad values for {field.Kind}.");
        }
    }
}
