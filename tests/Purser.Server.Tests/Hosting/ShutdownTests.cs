using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Purser.Engine;
using Purser.Engine.Jobs;
using Purser.Server.Jobs;
using Purser.Testing;

namespace Purser.Server.Tests.Hosting;

/// <summary>Stopping a process mid-job gives the job's claim back, so another process takes the run rather than nobody.</summary>
public sealed class ShutdownTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_minute_job_stopped_mid_run_releases_its_claim_and_a_finished_one_keeps_it(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine);
        var claims = api.Services.GetRequiredService<JobClaims>();
        var runKey = api.Clock.GetUtcNow().ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        var stuck = new StuckJob("stuck", claims, api.Clock);

        await stuck.StartAsync(CancellationToken.None);
        await stuck.Running;
        Assert.Null(await claims.TryClaimAsync("stuck", runKey, "another process", CancellationToken.None));
        await stuck.StopAsync(CancellationToken.None);

        Assert.NotNull(await claims.TryClaimAsync("stuck", runKey, "another process", CancellationToken.None));

        var finished = new StuckJob("finished", claims, api.Clock, finishes: true);
        Assert.True(await finished.RunDueAsync(CancellationToken.None));
        Assert.Null(await claims.TryClaimAsync("finished", runKey, "another process", CancellationToken.None));
    }

    /// <summary>A job whose run lasts until it is stopped, as a long billing run does when the process is told to stop.</summary>
    private sealed class StuckJob(string name, JobClaims claims, TimeProvider clock, bool finishes = false)
        : MinuteJob(claims, clock, NullLogger.Instance)
    {
        private readonly TaskCompletionSource _running = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Running => _running.Task;

        protected override string Name => name;

        protected override async Task<string?> RunOnceAsync(CancellationToken ct)
        {
            _running.TrySetResult();
            if (!finishes)
                await Task.Delay(Timeout.Infinite, ct);
            return null;
        }
    }
}
