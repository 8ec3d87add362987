using Microsoft.Extensions.Diagnostics.HealthChecks;
using Purser.Engine;

namespace Purser.Server.Hosting;

/// <summary>Ready only on the schema this build expects: a newer build waits for <c>purser migrate</c> before taking traffic.</summary>
internal sealed class MigrationsHealthCheck(PurserStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await store.PendingMigrationsAsync(cancellationToken) is { Count: > 0 } pending
            ? HealthCheckResult.Unhealthy($"{pending.Count} migrations pending: {string.Join(", ", pending)}")
            : HealthCheckResult.Healthy("schema up to date");
}
