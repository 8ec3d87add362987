using System.Collections.ObjectModel;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Purser.Engine;
using Purser.Server.Jobs;
using Purser.Server.Notifications;
using Purser.Testing;

namespace Purser.Server.Tests.Telemetry;

/// <summary>With a tracer added to the server (as OTLP adds one), a request and each kind of background run leave spans with their SQL under them.</summary>
public class TraceTests
{
    private static readonly DateTimeOffset Now = new(2019, 9, 10, 4, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_request_and_each_job_run_produce_spans_with_database_spans_beneath(StorageEngine engine)
    {
        var outbox = Directory.CreateTempSubdirectory("purser-outbox-").FullName;
        try
        {
            var spans = new SpanLog();
            await using var api = await PurserApi.StartAsync(engine, Now, new MailSettings(outbox),
                b => b.Services.AddOpenTelemetry().WithTracing(t => t.AddInMemoryExporter(spans)));
            await api.StopBackgroundWorkAsync();

            // Activity sources are process-wide, so spans of other tests' servers reach this exporter too: this test's have its trace id.
            using var root = new Activity("telemetry test");
            root.ActivityTraceFlags = ActivityTraceFlags.Recorded;
            root.Start();
            using (var op = api.Operator())
                (await op.GetAsync("/ops/meters")).EnsureSuccessStatusCode();
            await api.Services.GetRequiredService<LifecycleSweepWorker>().RunDueAsync(CancellationToken.None);
            await api.Services.GetRequiredService<RatingWorker>().RateAsync(CancellationToken.None);
            await api.Services.GetRequiredService<OutboxWorker>().SendDueAsync(CancellationToken.None);
            await api.Services.GetRequiredService<WebhookWorker>().RunDueAsync(CancellationToken.None);
            root.Stop();

            var trace = spans.Snapshot().Where(s => s.TraceId == root.TraceId).ToList();
            var database = engine == StorageEngine.Postgres ? "Npgsql" : "OpenTelemetry.Instrumentation.EntityFrameworkCore";
            var request = Assert.Single(trace, s => s.Kind == ActivityKind.Server && (s.GetTagItem("url.path") as string) == "/ops/meters");
            Assert.Contains(trace, s => s.Source.Name == database && IsBeneath(s, request, trace));
            foreach (var job in new[] { LifecycleSweepWorker.JobName, "rating", "outbox-send", "webhook-send" })
            {
                var run = Assert.Single(trace, s => s.Source.Name == "Purser" && s.DisplayName == job);
                Assert.Contains(trace, s => s.Source.Name == database && IsBeneath(s, run, trace));
            }
        }
        finally
        {
            Directory.Delete(outbox, recursive: true);
        }
    }

    private static bool IsBeneath(Activity span, Activity ancestor, List<Activity> trace)
    {
        for (var parent = span.ParentSpanId; parent != default;)
        {
            if (parent == ancestor.SpanId)
                return true;
            parent = trace.FirstOrDefault(s => s.SpanId == parent)?.ParentSpanId ?? default;
        }
        return false;
    }

    /// <summary>The exporter's collection, written by whichever thread ends a span and read by the test.</summary>
    private sealed class SpanLog : Collection<Activity>
    {
        private readonly Lock _lock = new();

        protected override void InsertItem(int index, Activity item)
        {
            lock (_lock)
                base.InsertItem(index, item);
        }

        public Activity[] Snapshot()
        {
            lock (_lock)
                return [.. this];
        }
    }
}
