extern alias Worker;

using System.Collections.Concurrent;
using System.Text.Json;
using Worker::MyService.Worker.Feed;
using Worker::MyService.Worker.Projection;

namespace MyService.Tests.Worker;

/// <summary>Test doubles for the worker's three dependencies.</summary>
internal static class WorkerFakes
{
    public static FeedEvent Event(long sequence, long id, long version, string operation = "updated", string? traceParent = null, string type = "user") =>
        new(sequence, type, id, operation, version, DateTimeOffset.UtcNow,
            operation == FeedEvent.Deleted ? null : JsonSerializer.SerializeToElement(new { id, version }), traceParent);
}

/// <summary>
/// Serves pages from a list of events; <see cref="Failures"/> reads fail first, as an API that is away. A read that
/// finds nothing waits as the API does when asked to: until the read's own token is cancelled.
/// </summary>
internal sealed class FakeFeed(IReadOnlyList<FeedEvent> events) : IChangeFeedSource
{
    private int _reads;

    public int Failures { get; set; }

    public int Reads => _reads;

    public TaskCompletionSource FirstRead { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource SecondRead { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource ThirdRead { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The wait each read asked for, in order.</summary>
    public ConcurrentQueue<int> Waits { get; } = new();

    /// <summary>Ends every empty read's wait (as the wait running out does) while it is not cancelled.</summary>
    public bool AnswerEmptyAtOnce { get; set; } = true;

    public async Task<FeedPage> ReadAsync(long afterSequence, int limit, int waitSeconds, CancellationToken cancellationToken)
    {
        Waits.Enqueue(waitSeconds);
        FirstRead.TrySetResult();
        switch (Interlocked.Increment(ref _reads))
        {
            case 2:
                SecondRead.TrySetResult();
                break;
            case 3:
                ThirdRead.TrySetResult();
                break;
        }

        if (Failures > 0)
        {
            Failures--;
            throw new HttpRequestException("connection refused");
        }

        var page = events.Where(e => e.Sequence > afterSequence).Take(limit).ToList();
        if (page.Count == 0 && !AnswerEmptyAtOnce && waitSeconds > 0)
        {
            // Nothing will commit here: the read waits until the worker stops, as a caught-up read waits in the API.
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return new FeedPage(page, page.Count > 0 ? page[^1].Sequence : afterSequence);
    }
}

/// <summary>Records every apply; <see cref="Gate"/>, when set, holds each apply until it opens.</summary>
internal sealed class RecordingProjection : IProjectionStore
{
    public ConcurrentQueue<FeedEvent> Applied { get; } = new();

    public Func<FeedEvent, bool>? FailWhen { get; set; }

    /// <summary>What a failing apply throws; default: DynamoDB answering 5xx.</summary>
    public Func<Exception> Failure { get; set; } = () => new Amazon.DynamoDBv2.AmazonDynamoDBException("service unavailable");

    public TaskCompletionSource? Gate { get; set; }

    public TaskCompletionSource FirstApply { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<bool> ApplyAsync(FeedEvent change, CancellationToken cancellationToken)
    {
        FirstApply.TrySetResult();
        if (Gate is { } gate)
        {
            await gate.Task;
        }

        if (FailWhen?.Invoke(change) == true)
        {
            throw Failure();
        }

        Applied.Enqueue(change);
        return true;
    }

    /// <summary>The changes of each <see cref="ApplyTogetherAsync"/> call.</summary>
    public ConcurrentQueue<IReadOnlyList<FeedEvent>> Together { get; } = new();

    public async Task<bool[]> ApplyTogetherAsync(IReadOnlyList<FeedEvent> changes, CancellationToken cancellationToken)
    {
        Together.Enqueue(changes);
        var results = new bool[changes.Count];
        for (var i = 0; i < changes.Count; i++)
        {
            results[i] = await ApplyAsync(changes[i], cancellationToken);
        }

        return results;
    }

    public Task<ProjectedEntity?> FindAsync(string entityType, long entityId, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}

internal sealed class FakeCheckpoints : ICheckpointStore
{
    public long Position { get; private set; }

    public ConcurrentQueue<long> Saves { get; } = new();

    public TaskCompletionSource<long> Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Target { get; set; } = long.MaxValue;

    public Task<long> LoadAsync(CancellationToken cancellationToken) => Task.FromResult(Position);

    public Task SaveAsync(long position, CancellationToken cancellationToken)
    {
        Position = Math.Max(Position, position);
        Saves.Enqueue(position);
        if (Position >= Target)
        {
            Reached.TrySetResult(Position);
        }

        return Task.CompletedTask;
    }
}
