using Purser.Engine.Rating;
using Purser.Engine.Telemetry;
using Purser.Engine.Usage;

namespace Purser.Server.Jobs;

/// <summary>
/// Rates new usage continuously: woken by each committed batch, and every few seconds
/// regardless. Passes are idempotent and serialised per billing profile, so every server
/// process may run this worker against one database.
/// </summary>
internal sealed partial class RatingWorker(UsageRating rating, RatingSignal signal, PurserMetrics metrics, TimeProvider clock, ILogger<RatingWorker> log)
    : BackgroundService
{
    private static readonly TimeSpan Fallback = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitAsync(Fallback, stoppingToken);
                await RateAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A failing pass leaves its usage unrated; the next pass retries it.
                LogFailure(log, ex);
            }
        }
    }

    /// <summary>One rating pass: rates what is pending, sets the rating lag it began with, and logs what it did.</summary>
    public async Task<RatingPass> RateAsync(CancellationToken ct)
    {
        using var span = JobTracing.Start("rating");
        var started = clock.GetUtcNow();
        var pass = await rating.RatePendingAsync(ct);
        // Usage that arrived after the pass began can be younger than the pass: no lag is below zero.
        metrics.RatingLag(pass.OldestUnrated is { } oldest && oldest < started ? started - oldest : TimeSpan.Zero);
        span?.SetTag("purser.rating.profiles", pass.Profiles);
        span?.SetTag("purser.rating.charges", pass.Charges);
        if (pass.Charges > 0 || pass.Disabled.Count > 0)
            LogPass(log, pass.Profiles, pass.Charges, pass.Amount, pass.Disabled.Count);
        if (pass.Unpriced > 0)
            LogUnpriced(log, pass.Unpriced);
        foreach (var failure in pass.Failed)
            LogProfileFailure(log, failure.BillingProfileId, failure.Reason);
        return pass;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rated usage of {Profiles} billing profiles: {Charges} charges, {Amount} in total; {Disabled} prepaid subscriptions disabled")]
    private static partial void LogPass(ILogger logger, int profiles, int charges, decimal amount, int disabled);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Days} days of usage are on meters without a price in their profile's currency and stay unrated")]
    private static partial void LogUnpriced(ILogger logger, int days);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rating billing profile {Profile} failed, its usage stays unrated and the next pass retries it; other profiles were rated: {Reason}")]
    private static partial void LogProfileFailure(ILogger logger, Guid profile, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rating pass failed; it will be retried")]
    private static partial void LogFailure(ILogger logger, Exception error);
}
