using System.Text.Json;

namespace Purser.Server.Tests.Operator;

/// <summary>The operator API's OpenAPI document as read from <c>/openapi/v1.json</c>, with its schema references followed.</summary>
internal sealed class OperatorDocument(JsonElement root)
{
    public JsonElement Root { get; } = root;

    public IEnumerable<(string Path, string Method, JsonElement Operation)> Operations() =>
        Root.GetProperty("paths").EnumerateObject().SelectMany(path =>
            path.Value.EnumerateObject().Select(op => (path.Name, op.Name, op.Value)));

    /// <summary>The operation whose path template a concrete path fits ("/ops/subscriptions/{subscriptionId}" for "/ops/subscriptions/3f…").</summary>
    public JsonElement? Operation(HttpMethod method, string concretePath)
    {
        var segments = concretePath.Split('/');
        foreach (var (template, verb, operation) in Operations())
        {
            var parts = template.Split('/');
            if (string.Equals(verb, method.Method, StringComparison.OrdinalIgnoreCase) && parts.Length == segments.Length
                && parts.Zip(segments).All(p => p.First.StartsWith('{') || p.First == p.Second))
                return operation;
        }
        return null;
    }

    /// <summary>The schema itself: a reference followed, a "this or null" union unwrapped.</summary>
    public JsonElement Resolve(JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
            return Resolve(Component(reference.GetString()!));
        foreach (var union in new[] { "oneOf", "anyOf" })
            if (schema.TryGetProperty(union, out var members))
            {
                var notNull = members.EnumerateArray().Where(m => !IsNull(m)).ToList();
                if (notNull.Count == 1)
                    return Resolve(notNull[0]);
            }
        return schema;
    }

    public JsonElement Component(string reference) =>
        Root.GetProperty("components").GetProperty("schemas").GetProperty(reference.Replace("#/components/schemas/", "", StringComparison.Ordinal));

    public static IReadOnlySet<string> Required(JsonElement schema) =>
        schema.TryGetProperty("required", out var required) ? required.EnumerateArray().Select(r => r.GetString()!).ToHashSet() : new HashSet<string>();

    /// <summary>Whether a schema admits JSON null (a type list holding "null", or a union with a null member).</summary>
    public static bool AdmitsNull(JsonElement schema)
    {
        if (schema.TryGetProperty("type", out var type))
            return type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Any(t => t.GetString() == "null") : type.GetString() == "null";
        foreach (var union in new[] { "oneOf", "anyOf" })
            if (schema.TryGetProperty(union, out var members) && members.EnumerateArray().Any(IsNull))
                return true;
        return false;
    }

    private static bool IsNull(JsonElement schema) => schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null";
}
