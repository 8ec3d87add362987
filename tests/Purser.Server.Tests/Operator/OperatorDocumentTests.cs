using System.Text.Json;
using System.Text.Json.Nodes;
using Purser.Engine;
using Purser.Server.Tests.Reliability;

namespace Purser.Server.Tests.Operator;

/// <summary>
/// The OpenAPI document describes what the operator API accepts and answers: a request's <c>required</c> list is the set of
/// fields the endpoint refuses when missing, every operation describes its reply, and every refusal is an ARM error body.
/// </summary>
public class OperatorDocumentTests(ServerPerEngine servers) : IClassFixture<ServerPerEngine>
{
    private const string Json = "application/json";

    // Only where each route's ids go matters to find its operation.
    private static readonly SeededWorld AnyWorld = new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "PARTNER-1", Guid.NewGuid(),
        SeededWorld.Start, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(),
        new CreditTargets(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), [.. Enumerable.Range(0, 48).Select(_ => Guid.NewGuid())]));

    [Fact]
    public async Task Each_request_schema_requires_the_fields_its_endpoint_refuses_when_missing_and_no_others()
    {
        var document = await ReadAsync(StorageEngine.Sqlite);
        var failures = new List<string>();
        foreach (var endpoint in OperatorEndpoints.All)
        {
            var where = $"{endpoint.Method} {endpoint.Path(AnyWorld)}";
            if (document.Operation(endpoint.Method, endpoint.Path(AnyWorld)) is not { } operation)
            {
                failures.Add($"{where}: not in the document");
                continue;
            }
            var body = document.Resolve(RequestSchema(operation));
            // Fields grouped by the object that holds them: "" for the body, "soldTo" for an address, "events" for each event.
            foreach (var group in endpoint.Fields.GroupBy(f => Parent(f.Path)))
            {
                var holder = SchemaAt(document, body, group.Key);
                var expected = group.Where(f => f.Required && !f.Conditional).Select(f => Leaf(f.Path)).ToHashSet();
                var documented = OperatorDocument.Required(holder);
                if (!documented.SetEquals(expected))
                    failures.Add($"{where} {(group.Key.Length == 0 ? "body" : group.Key)}: required [{string.Join(", ", documented.Order())}], " +
                        $"refused when missing [{string.Join(", ", expected.Order())}]");
                foreach (var name in documented.Where(n => OperatorDocument.AdmitsNull(holder.GetProperty("properties").GetProperty(n))))
                    failures.Add($"{where} {group.Key}.{name}: required, yet its schema admits null (which is refused)");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_operation_describes_its_reply_as_a_wire_shape_and_its_refusals_as_arm_error_bodies()
    {
        var document = await ReadAsync(StorageEngine.Sqlite);
        var failures = new List<string>();
        var operations = document.Operations().ToList();
        Assert.NotEmpty(operations);
        foreach (var (path, method, operation) in operations)
        {
            var responses = operation.GetProperty("responses");
            var success = responses.EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
            if (success.Count == 0 || success.Any(r => !DescribesContent(r.Value)))
                failures.Add($"{method} {path}: no described 2xx reply ({string.Join(", ", responses.EnumerateObject().Select(r => r.Name))})");
            if (!responses.TryGetProperty("4XX", out var refused)
                || !refused.TryGetProperty("content", out var content) || !content.TryGetProperty(Json, out var media)
                || media.GetProperty("schema").GetProperty("$ref").GetString() != "#/components/schemas/ArmErrorBody")
                failures.Add($"{method} {path}: refusals are not described as ArmErrorBody");
        }

        // The replies are wire shapes: no engine type (Money, Currency) is serialised as it is.
        foreach (var schema in document.Root.GetProperty("components").GetProperty("schemas").EnumerateObject())
            if (schema.Name is "Money" or "Currency"
                || (schema.Value.TryGetProperty("properties", out var properties) && properties.EnumerateObject().Any(p => p.Name is "minorUnitDigits" or "isZero")))
                failures.Add($"schema {schema.Name}: an internal type on the wire");

        var body = document.Component("ArmErrorBody");
        Assert.Equal(["error"], OperatorDocument.Required(body));
        var error = document.Resolve(body.GetProperty("properties").GetProperty("error"));
        Assert.Equal(["code", "message"], OperatorDocument.Required(error).Order());
        Assert.Equal(["code", "details", "message", "target"], error.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    public static TheoryData<StorageEngine, string> Probed()
    {
        var data = new TheoryData<StorageEngine, string>();
        foreach (var engine in new[] { StorageEngine.Sqlite, StorageEngine.Postgres })
            foreach (var name in new[] { "charges", "credits", "payments", "usage" })
                data.Add(engine, name);
        return data;
    }

    /// <summary>The document's word checked against the server's: each documented field left out of a valid body is refused naming it exactly when the document requires it.</summary>
    [Theory]
    [MemberData(nameof(Probed))]
    public async Task A_valid_body_without_one_field_is_refused_exactly_when_the_document_requires_that_field(StorageEngine engine, string endpointName)
    {
        var endpoint = OperatorEndpoints.Named(endpointName);
        var (api, world) = await servers.GetAsync(engine);
        var document = await ReadAsync(engine);
        using var op = api.Operator();
        var path = endpoint.Path(world);
        var schema = document.Resolve(RequestSchema(document.Operation(endpoint.Method, path)!.Value));
        var failures = new List<string>();

        var fields = Fields(document, schema, "", endpoint.Valid(world, servers.Next())).ToList();
        Assert.Contains(fields, f => f.Required);
        Assert.Contains(fields, f => !f.Required);
        foreach (var (field, required) in fields)
        {
            var body = endpoint.Valid(world, servers.Next());
            JsonPaths.Remove(body, field);
            var reply = await OperatorRequests.SendAsync(op, endpoint.Method, path, body.ToJsonString(), Json,
                endpoint.TakesIdempotencyKey ? Guid.NewGuid().ToString() : null);
            var refusedNamingIt = reply.Status == 400 && reply.ArmError() is { } error && OperatorReply.Names(error, field);
            if (required != refusedNamingIt)
                failures.Add($"{field} ({(required ? "required" : "optional")}) left out: {reply.Status} {reply.Body}");
        }
        Assert.True(failures.Count == 0, $"{endpoint.Method} {path}:\n" + string.Join("\n", failures));
    }

    private async Task<OperatorDocument> ReadAsync(StorageEngine engine)
    {
        var (api, _) = await servers.GetAsync(engine);
        using var anonymous = api.Client(null);
        return new OperatorDocument(JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json")).RootElement.Clone());
    }

    private static JsonElement RequestSchema(JsonElement operation) =>
        operation.GetProperty("requestBody").GetProperty("content").GetProperty(Json).GetProperty("schema");

    private static bool DescribesContent(JsonElement response) =>
        response.TryGetProperty("content", out var content)
        && content.EnumerateObject().Any(m => m.Name == "text/csv" || (m.Name == Json && m.Value.TryGetProperty("schema", out _)));

    private static string Parent(string path) => path.Contains('.', StringComparison.Ordinal) ? Plain(path[..path.LastIndexOf('.')]) : "";

    private static string Leaf(string path) => Plain(path.Contains('.', StringComparison.Ordinal) ? path[(path.LastIndexOf('.') + 1)..] : path);

    private static string Plain(string path) => path.Replace("[0]", "", StringComparison.Ordinal);

    /// <summary>The object schema at a dotted path of plain names, through the items of arrays.</summary>
    private static JsonElement SchemaAt(OperatorDocument document, JsonElement schema, string path)
    {
        foreach (var name in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            schema = document.Resolve(schema.GetProperty("properties").GetProperty(name));
            if (schema.TryGetProperty("items", out var items))
                schema = document.Resolve(items);
        }
        return schema;
    }

    /// <summary>Every documented field of a body by its JSON path, into the nested objects (and first array element) the valid body holds.</summary>
    private static IEnumerable<(string Path, bool Required)> Fields(OperatorDocument document, JsonElement schema, string prefix, JsonNode? valid)
    {
        var required = OperatorDocument.Required(schema);
        foreach (var property in schema.GetProperty("properties").EnumerateObject())
        {
            var path = prefix + property.Name;
            yield return (path, required.Contains(property.Name));
            var inner = document.Resolve(property.Value);
            var (value, nested) = valid?[property.Name] switch
            {
                JsonObject o when inner.TryGetProperty("properties", out _) => ((JsonNode?)o, path + "."),
                JsonArray { Count: > 0 } a when inner.TryGetProperty("items", out var items) && document.Resolve(items).TryGetProperty("properties", out _) =>
                    (a[0], path + "[0]."),
                _ => (null, null),
            };
            if (nested is not null)
                foreach (var field in Fields(document, nested.EndsWith("[0].", StringComparison.Ordinal) ? document.Resolve(inner.GetProperty("items")) : inner, nested, value))
                    yield return field;
        }
    }
}
