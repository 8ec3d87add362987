using Microsoft.Extensions.Diagnostics.HealthChecks;
using Purser.Engine;

namespace Purser.Server.Hosting;

internal sealed class StorageHealthCheck(PurserStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await store.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy($"{store.Engine} reachable")
            : HealthCheckResult.Unhealthy($"{store.Engine} unreachable");
}
