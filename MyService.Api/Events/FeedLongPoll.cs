using MyService.Api.Storage;

namespace MyService.Api.Events;

/// <summary>
/// <c>GET /events?wait=</c>: a read that finds nothing waits for the next commit instead of answering empty, so a
/// consumer hears of an event as it commits without polling. The waiter is woken by the writer
/// (<see cref="IChangeFeed.NextCommit"/>), and reads again on the provider's <see cref="IChangeFeed.PollInterval"/>
/// only where commits elsewhere go unsignalled (DynamoDB's other tasks). The read is the provider's ordinary read,
/// so whatever a page may not pass (DynamoDB's holes) it does not pass here either.
/// </summary>
internal static class FeedLongPoll
{
    /// <summary>The longest wait a request may ask for: under the 60 s idle timeouts of load balancers and proxies.</summary>
    public const int MaxWaitSeconds = 30;

    /// <summary>
    /// The first page after <paramref name="afterSequence"/> that moves the position, or the empty page once
    /// <paramref name="wait"/> has passed or <paramref name="stopping"/> fired (shutdown answers every waiter at once
    /// instead of holding the drain for up to 30 s). <paramref name="aborted"/> (the client went away) cancels.
    /// </summary>
    public static async Task<EventPage> ReadAsync(
        IChangeFeed feed, long afterSequence, int limit, TimeSpan wait, CancellationToken stopping, CancellationToken aborted)
    {
        var commit = feed.NextCommit;
        var page = await feed.ReadAsync(afterSequence, limit, aborted);
        if (wait <= TimeSpan.Zero || Moved(page, afterSequence))
        {
            return page;
        }

        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stopping, aborted);
        var deadline = Environment.TickCount64 + (long)wait.TotalMilliseconds;
        while (true)
        {
            var remaining = TimeSpan.FromMilliseconds(deadline - Environment.TickCount64);
            if (remaining <= TimeSpan.Zero || stopping.IsCancellationRequested)
            {
                return page;
            }

            var timeout = feed.PollInterval is { } poll && poll < remaining ? poll : remaining;
            // A timeout or a cancellation just ends this wait; which one it was is checked below and above.
            await commit.WaitAsync(timeout, waiting.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            aborted.ThrowIfCancellationRequested();
            if (stopping.IsCancellationRequested)
            {
                return page;
            }

            commit = feed.NextCommit;
            page = await feed.ReadAsync(afterSequence, limit, aborted);
            if (Moved(page, afterSequence))
            {
                return page;
            }
        }
    }

    // A page of voids moves the position without events: worth answering, the consumer's next read starts there.
    private static bool Moved(EventPage page, long afterSequence) => page.Events.Count > 0 || page.LastSequence > afterSequence;
}
