using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Purser.Engine;
using Purser.Engine.Jobs;
using Purser.Server.Hosting;
using Purser.Server.Jobs;
using Purser.Testing;

namespace Purser.Server.Tests.Hosting;

/// <summary>
/// Stopping a process lets the requests in flight finish, and a job stopped mid-run gives its claim back, so another
/// process takes the run rather than nobody.
/// </summary>
public sealed class ShutdownTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_request_in_flight_when_the_stop_begins_is_answered_before_the_server_stops(StorageEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var gate = new RequestGate();
        var address = $"http://127.0.0.1:{PurserProcess.FreePort()}";
        await using var app = PurserHost.Build(new ServerSettings(database.ConnectionString, address, LoadDemoWhenEmpty: false, ScheduleBilling: false),
            b => b.Services.AddSingleton<IStartupFilter>(gate));
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var answer = http.GetAsync("/healthz");
        await gate.Entered;

        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = app.Lifetime.ApplicationStopping.Register(stopping.SetResult);
        var stopped = app.StopAsync();
        await stopping.Task;
        gate.Open();

        using var response = await answer;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Healthy", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await stopped;
    }

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

    /// <summary>Holds every request at the door of the pipeline until the test opens it: a request known to be in flight.</summary>
    private sealed class RequestGate : IStartupFilter
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Entered => _entered.Task;

        public void Open() => _open.TrySetResult();

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext context, RequestDelegate rest) =>
            {
                _entered.TrySetResult();
                await _open.Task;
                await rest(context);
            });
            next(app);
        };
    }
}
