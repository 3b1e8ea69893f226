namespace MyService.Api.Storage;

/// <summary>
/// Tells change-feed readers that are waiting for events (<c>GET /events?wait=</c>) that this process committed
/// something. One task stands for "the next commit": every waiter awaits the same task, so a thousand idle waiters
/// cost a thousand continuations and no CPU until a commit completes it. Take <see cref="Next"/> before reading the
/// feed: a commit that lands between the read and the await then still wakes the reader.
/// </summary>
public sealed class CommitSignal
{
    private TaskCompletionSource _next = NewSource();

    /// <summary>Completes at the first commit after this property was read.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    /// <summary>Called by the writer after each commit (SQLite: once per group commit, not per write).</summary>
    public void Pulse() => Interlocked.Exchange(ref _next, NewSource()).TrySetResult();

    // Waiters continue on the thread pool, never inline on the writer's thread.
    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
