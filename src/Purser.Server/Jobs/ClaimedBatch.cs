namespace Purser.Server.Jobs;

/// <summary>
/// A sender's batch of leased claims (e-mail, webhook deliveries) run until a stop: the one under way is finished and marked
/// (cut off mid-conversation it could arrive and yet count as unsent), and the rest are given back at once, so another
/// process sends them now rather than when their lease runs out.
/// </summary>
internal static class ClaimedBatch
{
    public static async Task EachAsync<T>(IReadOnlyList<T> claimed, Func<T, Task> send, Func<IReadOnlyList<T>, Task> giveBack, CancellationToken stop)
    {
        var done = 0;
        try
        {
            for (; done < claimed.Count && !stop.IsCancellationRequested; done++)
                await send(claimed[done]);
        }
        finally
        {
            await giveBack([.. claimed.Skip(done)]);
        }
    }
}
