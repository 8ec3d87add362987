using System.Diagnostics.Metrics;
using Purser.Core.Lifecycle;

namespace Purser.Engine.Telemetry;

/// <summary>
/// What the billing pipeline does, as instruments of the meter "Purser" (docs/operations.md, Telemetry). The engine only records;
/// the server decides whether anything listens (OpenTelemetry's Prometheus and OTLP exporters), so an unobserved instrument costs
/// a check per call. Tags are fixed strings, so recording allocates nothing on the ingestion path.
/// </summary>
public sealed class PurserMetrics
{
    public const string MeterName = "Purser";

    // Seconds, from a millisecond to ten: a batch, a lock wait and a rating lag all live in this range when healthy.
    private static readonly InstrumentAdvice<double> SecondsAdvice = new()
    {
        HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    };

    private static readonly KeyValuePair<string, object?> Accepted = new("outcome", "accepted");
    private static readonly KeyValuePair<string, object?> Duplicated = new("outcome", "duplicated");
    private static readonly KeyValuePair<string, object?> Refused = new("outcome", "refused");

    private readonly Counter<long> _usageEvents;
    private readonly Histogram<double> _batchDuration;
    private readonly Gauge<double> _ratingLag;
    private readonly Histogram<double> _lockWait;
    private readonly Counter<long> _billingRuns;
    private readonly Counter<long> _invoicesIssued;
    private readonly Gauge<long> _outboxBacklog;
    private readonly Counter<long> _transitions;

    /// <summary>A server's own meter: several servers in one process (as the tests run them) keep their figures apart.</summary>
    public PurserMetrics(IMeterFactory meters) : this(Create(meters))
    {
    }

    /// <summary>For a process that hosts no server (a CLI verb): a process-wide meter, which dotnet-counters can still watch.</summary>
    public PurserMetrics() : this(new Meter(MeterName))
    {
    }

    private PurserMetrics(Meter meter)
    {
        _usageEvents = meter.CreateCounter<long>("purser.usage.events", "{event}", "Usage events received, by outcome: accepted, duplicated or refused.");
        _batchDuration = meter.CreateHistogram("purser.usage.batch.duration", "s", "Time to validate and write one usage batch.", advice: SecondsAdvice);
        _ratingLag = meter.CreateGauge<double>("purser.rating.lag", "s", "Age of the oldest unrated usage aggregate when the last rating pass started.");
        _lockWait = meter.CreateHistogram("purser.ledger.lock.wait", "s", "Time from asking for a billing profile's ledger lock to holding it.", advice: SecondsAdvice);
        _billingRuns = meter.CreateCounter<long>("purser.billing.runs", "{run}", "Billing runs: a close of every due period, or of one profile's period.");
        _invoicesIssued = meter.CreateCounter<long>("purser.invoices.issued", "{invoice}", "Invoices written by billing runs.");
        _outboxBacklog = meter.CreateGauge<long>("purser.outbox.backlog", "{message}", "E-mail in the outbox not yet sent, as the last outbox pass counted it.");
        _transitions = meter.CreateCounter<long>("purser.subscription.transitions", "{transition}", "Subscription lifecycle transitions, by state left and state entered.");
    }

    private static Meter Create(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        return meters.Create(MeterName);
    }

    public void UsageBatch(int accepted, int duplicated, int refused, TimeSpan took)
    {
        if (accepted > 0)
            _usageEvents.Add(accepted, Accepted);
        if (duplicated > 0)
            _usageEvents.Add(duplicated, Duplicated);
        if (refused > 0)
            _usageEvents.Add(refused, Refused);
        _batchDuration.Record(took.TotalSeconds);
    }

    public void RatingLag(TimeSpan lag) => _ratingLag.Record(lag.TotalSeconds);

    public void LedgerLockWait(TimeSpan waited) => _lockWait.Record(waited.TotalSeconds);

    public void BillingRun() => _billingRuns.Add(1);

    public void InvoiceIssued() => _invoicesIssued.Add(1);

    public void OutboxBacklog(long messages) => _outboxBacklog.Record(messages);

    // An enum's name is cached by the runtime: ToString of a defined state allocates nothing.
    public void Transition(SubscriptionState from, SubscriptionState to) =>
        _transitions.Add(1, new KeyValuePair<string, object?>("from", from.ToString()), new KeyValuePair<string, object?>("to", to.ToString()));
}
