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
                return Task.CompletedTask;
            });
        });

    public static void MapOperatorDocs(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(options => options.WithTitle("Purser operator API")).AllowAnonymous();
    }
}
