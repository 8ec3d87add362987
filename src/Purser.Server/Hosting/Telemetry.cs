using System.Diagnostics.Metrics;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Purser.Engine.Telemetry;

namespace Purser.Server.Hosting;

/// <summary>
/// OpenTelemetry for a server (docs/operations.md, Telemetry): Purser's meter, ASP.NET Core's, the runtime's and Npgsql's at
/// GET /metrics in Prometheus text, and everything by OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set. Traces (HTTP, EF Core,
/// Npgsql, the background jobs' spans) are only recorded when something exports them: OTLP or a tracer a host adds.
/// </summary>
internal static class Telemetry
{
    public const string MetricsPath = "/metrics";

    // EF Core's spans stand in for SQLite's commands; on PostgreSQL Npgsql's own spans cover EF's commands and the COPY path alike.
    private const string NpgsqlEfProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    public static void AddPurserTelemetry(this WebApplicationBuilder builder)
    {
        var otel = builder.Services.AddOpenTelemetry()
            // The environment's OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES, read last, win over the default name.
            .ConfigureResource(r => r.AddService("purser").AddEnvironmentVariableDetector())
            .WithMetrics(m => m
                .AddMeter(PurserMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddPrometheusExporter());
        builder.Services.ConfigureOpenTelemetryMeterProvider((services, m) =>
        {
            var own = services.GetRequiredService<IMeterFactory>();
            m.AddView(instrument => IsAnotherHosts(instrument.Meter, own) ? MetricStreamConfiguration.Drop : null);
        });
        builder.Services.ConfigureOpenTelemetryTracerProvider(t => t
            .AddSource(PurserMetrics.MeterName)
            .AddAspNetCoreInstrumentation(o => o.Filter = http => http.Request.Path != MetricsPath)
            .AddHttpClientInstrumentation()
            .AddEntityFrameworkCoreInstrumentation(o => o.Filter = (provider, _) => provider != NpgsqlEfProvider)
            .AddNpgsql());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            otel.UseOtlpExporter();
    }

    public static void MapPurserMetrics(this WebApplication app) =>
        // Anonymous like /healthz: a scraper holds no Purser token; operators restrict the path at their proxy (docs/operations.md).
        app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();

    /// <summary>
    /// Meters are process-wide: a MeterProvider hears every meter of a name, whichever host made it. A process hosting several
    /// servers (the tests do) keeps each scrape to its own server's figures; Purser's own meter must be this host's.
    /// </summary>
    private static bool IsAnotherHosts(Meter meter, IMeterFactory own) =>
        meter.Scope is null ? meter.Name == PurserMetrics.MeterName : !ReferenceEquals(meter.Scope, own);
}
