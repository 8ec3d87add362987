using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Purser.Server.Hosting;
using Scalar.AspNetCore;

namespace Purser.Server.Operator;

/// <summary>The operator API's OpenAPI document (<c>/openapi/v1.json</c>) and its Scalar reference (<c>/scalar</c>), readable without a token.</summary>
public static class OperatorDocs
{
    public static IServiceCollection AddOperatorDocs(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("ops/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Purser operator API";
                document.Info.Description = "Everything the Azure-compatible surface does not create: accounts, profiles, users and roles, " +
                    "catalog, partners, subscriptions, credit, charges and billing runs. Every mutating call needs an Idempotency-Key header " +
                    "and a bearer token of an operator; errors are ARM error bodies {\"error\":{\"code\",\"message\",\"target\"}}.";
                foreach (var schema in document.Components?.Schemas?.Values ?? [])
                    RefuseNullReferences(schema);
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object)
                    MarkRequired(schema, context.JsonTypeInfo);
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(DescribeErrorsAsync);
        });

    public static void MapOperatorDocs(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(options => options.WithTitle("Purser operator API")).AllowAnonymous();
    }

    /// <summary>
    /// The generator lists every constructor parameter as required, though every input record takes each of its fields
    /// as optional and refuses only some when missing. Those carry <see cref="RequiredAttribute"/>; an answer's field is
    /// required when it can never be null (it is always written).
    /// </summary>
    private static void MarkRequired(OpenApiSchema schema, JsonTypeInfo type)
    {
        var required = type.Properties
            .Where(p => p.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: true) == true
                || (!p.IsGetNullable && p.AssociatedParameter is not { HasDefaultValue: true }))
            .Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);
        schema.Required = required.Count == 0 ? null : required;
        // A required field refuses null too, and its schema says so.
        foreach (var name in required)
            if (schema.Properties?.TryGetValue(name, out var found) == true && found is OpenApiSchema { Type: { } kinds } property)
                property.Type = kinds & ~JsonSchemaType.Null;
    }

    /// <summary>A required field that holds an object is referenced as "oneOf": [null, the object] once the objects are components: it is the object alone.</summary>
    private static void RefuseNullReferences(IOpenApiSchema schema)
    {
        if (schema is not OpenApiSchema { Required: { } required, Properties: { } properties })
            return;
        foreach (var name in required)
            if (properties.TryGetValue(name, out var property) && property.OneOf is { Count: 2 } members
                && members.Where(m => m.Type != JsonSchemaType.Null).ToList() is [var only])
                properties[name] = only;
    }

    /// <summary>Any refusal of any operation is an ARM error body, with the status its code carries in the catalog.</summary>
    private static async Task DescribeErrorsAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var document = context.Document ?? throw new InvalidOperationException("The operation transformer runs inside a document.");
        if (document.Components?.Schemas?.ContainsKey(nameof(ArmErrorBody)) != true)
            document.AddComponent(nameof(ArmErrorBody), await context.GetOrCreateSchemaAsync(typeof(ArmErrorBody), null, ct));
        operation.Responses ??= [];
        foreach (var (status, description) in ErrorResponses)
            operation.Responses[status] = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = new OpenApiSchemaReference(nameof(ArmErrorBody), document) },
                },
            };
    }

    private static readonly (string Status, string Description)[] ErrorResponses =
    [
        ("4XX", "Refused: an ARM error body naming its code (400 bad input, 401 and 403 access, 404 not found, 409 conflict, 422 a reused key) and the field."),
        ("5XX", "An unexpected error, logged; an ARM error body without internals."),
    ];
}
