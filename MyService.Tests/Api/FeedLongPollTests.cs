using MyService.Api.Events;
using MyService.Api.Storage;

namespace MyService.Tests.Api;

/// <summary>The long poll's mechanics on a scripted feed: who wakes a waiter, and what ends a wait.</summary>
public sealed class FeedLongPollTests
{
    private static readonly TimeSpan LongWait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_waiter_reads_once_and_again_only_when_a_commit_wakes_it()
    {
        var feed = new ScriptedFeed();
        var reading = FeedLongPoll.ReadAsync(feed, 5, 10, LongWait, CancellationToken.None, CancellationToken.None);
        await feed.FirstRead.Task.WithTimeout();

        feed.Events = [Event(6)];
        feed.Commits.Pulse();
        var page = await reading.WithTimeout();

        Assert.Equal([6L], page.Events.Select(e => e.Sequence));
        Assert.Equal(6, page.LastSequence);
        // No poll on a provider that signals every commit: the empty read, then the one the commit woke.
        Assert.Equal(2, feed.Reads);
    }

    [Fact]
    public async Task A_commit_between_the_empty_read_and_the_wait_is_not_missed()
    {
        // The commit lands while the first read runs: the waiter took the signal before reading, so it reads again.
        var feed = new ScriptedFeed();
        feed.OnRead = reads =>
        {
            if (reads == 1)
            {
                feed.Commits.Pulse();
                return [];
            }

            return [Event(6)];
        };

        var page = await FeedLongPoll.ReadAsync(feed, 5, 10, LongWait, CancellationToken.None, CancellationToken.None).WithTimeout();

        Assert.Equal([6L], page.Events.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Shutdown_answers_a_waiter_with_the_empty_page_at_once()
    {
        var feed = new ScriptedFeed();
        using var stopping = new CancellationTokenSource();
        var reading = FeedLongPoll.ReadAsync(feed, 5, 10, LongWait, stopping.Token, CancellationToken.None);
        await feed.FirstRead.Task.WithTimeout();

        await stopping.CancelAsync();
        var page = await reading.WithTimeout();

        Assert.Empty(page.Events);
        Assert.Equal(5, page.LastSequence);
        Assert.Equal(1, feed.Reads);
    }

    [Fact]
    public async Task A_client_that_goes_away_cancels_its_wait()
    {
        var feed = new ScriptedFeed();
        using var aborted = new CancellationTokenSource();
        var reading = FeedLongPoll.ReadAsync(feed, 5, 10, LongWait, CancellationToken.None, aborted.Token);
        await feed.FirstRead.Task.WithTimeout();

        await aborted.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading.WithTimeout());
    }

    [Fact]
    public async Task Where_commits_elsewhere_go_unsignalled_the_waiter_reads_again_on_the_poll_interval()
    {
        // DynamoDB's case: another task committed; no signal comes, the poll finds it.
        var feed = new ScriptedFeed { Poll = TimeSpan.FromMilliseconds(10) };
        feed.OnRead = reads => reads < 3 ? [] : [Event(6)];

        var page = await FeedLongPoll.ReadAsync(feed, 5, 10, LongWait, CancellationToken.None, CancellationToken.None).WithTimeout();

        Assert.Equal([6L], page.Events.Select(e => e.Sequence));
        Assert.Equal(3, feed.Reads);
    }

    [Fact]
    public async Task A_page_that_only_moves_the_position_is_answered()
    {
        // A page of voids (DynamoDB): no events, but the consumer's next read starts further on.
        var feed = new ScriptedFeed { LastSequence = 9 };

        var page = await FeedLongPoll.ReadAsync(feed, 5, 10, LongWait, CancellationToken.None, CancellationToken.None).WithTimeout();

        Assert.Empty(page.Events);
        Assert.Equal(9, page.LastSequence);
    }

    private static ChangeEvent Event(long sequence) =>
        new(sequence, "user", sequence, "created", 1, DateTimeOffset.UtcNow, null, null);

    private sealed class ScriptedFeed : IChangeFeed
    {
        private int _reads;

        public CommitSignal Commits { get; } = new();

        public TaskCompletionSource FirstRead { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<ChangeEvent> Events { get; set; } = [];

        public Func<int, IReadOnlyList<ChangeEvent>>? OnRead { get; set; }

        public long? LastSequence { get; set; }

        public TimeSpan? Poll { get; init; }

        public int Reads => Volatile.Read(ref _reads);

        public Task NextCommit => Commits.Next;

        public TimeSpan? PollInterval => Poll;

        public Task<EventPage> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken)
        {
            var reads = Interlocked.Increment(ref _reads);
            var events = OnRead?.Invoke(reads) ?? Events;
            FirstRead.TrySetResult();
            return Task.FromResult(new EventPage(events, LastSequence ?? (events.Count > 0 ? events[^1].Sequence : afterSequence)));
        }
    }
}
