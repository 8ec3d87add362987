using System.Collections.Concurrent;
using Purser.Core;
using Purser.Engine.Storage;

namespace Purser.Engine.Jobs;

/// <summary>A billing profile a background pass could not process, and why; the pass went on with the others.</summary>
public sealed record ProfileFailure(Guid BillingProfileId, string Reason);

/// <summary>
/// Runs a background pass's work one billing profile at a time, up to <c>parallelism</c> profiles at
/// once, so that one profile's exception or refusal never stops the others: each failure is kept for
/// the caller to log and count. The database going away is no one profile's failure: it ends the pass, whose caller retries it.
/// </summary>
public static class ProfileFailures
{
    public static async Task<(List<T> Done, List<ProfileFailure> Failed)> EachAsync<T>(IEnumerable<Guid> profiles, int parallelism,
        Func<Guid, Task<Outcome<T>>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(work);
        var (done, failed) = (new ConcurrentBag<T>(), new ConcurrentBag<ProfileFailure>());
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct };
        await Parallel.ForEachAsync(profiles, options, async (profileId, _) =>
        {
            try
            {
                var outcome = await work(profileId);
                if (outcome.IsAccepted)
                    done.Add(outcome.Value);
                else
                    failed.Add(new ProfileFailure(profileId, $"{outcome.Refusal.Code}: {outcome.Refusal.Message}"));
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException && !DatabaseOutage.Is(ex))
            {
                failed.Add(new ProfileFailure(profileId, $"{ex.GetType().Name}: {ex.Message}"));
            }
        });
        return ([.. done], [.. failed]);
    }
}
