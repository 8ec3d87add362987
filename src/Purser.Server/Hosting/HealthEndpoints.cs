using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Purser.Server.Hosting;

/// <summary>
/// <c>/healthz</c>, liveness: the process answers and reaches its database. <c>/readyz</c>, readiness: also the
/// schema is migrated and the background workers run. Both anonymous, both 503 naming the failed check.
/// </summary>
internal static class HealthEndpoints
{
    private const string Live = "live";
    private const string Ready = "ready";

    public static IServiceCollection AddPurserHealth(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage", tags: [Live, Ready])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [Ready])
            .AddCheck<WorkersHealthCheck>("workers", tags: [Ready])
            .Services;

    public static void MapPurserHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", Options(Live)).AllowAnonymous();
        app.MapHealthChecks("/readyz", Options(Ready)).AllowAnonymous();
    }

    private static HealthCheckOptions Options(string tag) => new() { Predicate = c => c.Tags.Contains(tag), ResponseWriter = HealthResponse.WriteAsync };
}
