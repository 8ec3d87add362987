using System.Diagnostics;
using Purser.Engine.Telemetry;

namespace Purser.Server.Jobs;

/// <summary>
/// One span per background run (a minute job's run, a rating, outbox or webhook pass) from the activity source "Purser", so a trace
/// shows what a job did and the SQL it ran.
/// </summary>
internal static class JobTracing
{
    public static readonly ActivitySource Source = new(PurserMetrics.MeterName);

    public static Activity? Start(string job) => Source.StartActivity(job);
}
