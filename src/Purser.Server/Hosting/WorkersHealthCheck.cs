using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Purser.Server.Hosting;

/// <summary>
/// Ready only while every background worker (rating, outbox, the minute jobs) runs and the process is not
/// stopping: a load balancer then drains a stopping process before its workers and requests end.
/// </summary>
internal sealed class WorkersHealthCheck(IEnumerable<IHostedService> services, IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
            return Task.FromResult(HealthCheckResult.Unhealthy("stopping"));
        var workers = services.OfType<BackgroundService>().ToList();
        var stopped = workers.Where(w => w.ExecuteTask is not { IsCompleted: false }).Select(w => w.GetType().Name).ToList();
        return Task.FromResult(stopped.Count > 0
            ? HealthCheckResult.Unhealthy($"not running: {string.Join(", ", stopped)}")
            : HealthCheckResult.Healthy($"{workers.Count} workers running"));
    }
}
