extern alias Worker;

using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Worker::MyService.Worker.Processing;

namespace MyService.Tests.Worker;

/// <summary>The loop with fake dependencies: the start, backoff, idling, graceful shutdown.</summary>
public sealed class ProjectionWorkerTests
{
    private static readonly WorkerOptions Options = new()
    {
        BatchSize = 2,
        FeedWait = TimeSpan.FromSeconds(7),
        MinBackoff = TimeSpan.FromMilliseconds(10),
        MaxBackoff = TimeSpan.FromMilliseconds(50),
        StartRetry = TimeSpan.FromMilliseconds(5),
    };

    private readonly RecordingProjection _projection = new();
    private readonly FakeCheckpoints _checkpoints = new();

    private ProjectionWorker Worker(FakeFeed feed, TimeProvider? clock = null, WorkerOptions? options = null, WorkerStatus? status = null)
    {
        clock ??= TimeProvider.System;
        var settings = Microsoft.Extensions.Options.Options.Create(options ?? Options);
        return new(
            feed, _checkpoints, new ChangeFeedProcessor(_projection, _checkpoints, settings, clock), status ?? new WorkerStatus(clock),
            settings, clock, NullLogger<ProjectionWorker>.Instance);
    }

    [Fact]
    public async Task At_the_start_it_tries_again_every_StartRetry_without_backing_off_and_is_Starting_until_a_read_succeeds()
    {
        var feed = new FakeFeed([WorkerFakes.Event(1, 1, 1)]) { Failures = 6 };
        _checkpoints.Target = 1;
        var clock = new RecordingTimeProvider();
        var status = new WorkerStatus(clock);
        var health = new WorkerHealthCheck(status, Microsoft.Extensions.Options.Options.Create(Options), clock);
        Assert.Equal((HealthStatus.Degraded, "Starting: first read"), await CheckAsync(health));
        using var worker = Worker(feed, clock, status: status);

        await worker.StartAsync(default).WithTimeout();
        await _checkpoints.Reached.Task.WithTimeout();
        await worker.StopAsync(default).WithTimeout();

        // The API and its table start beside the worker: a flat, short retry, not 10, 20, 40 ms... as after an outage.
        Assert.Equal(Enumerable.Repeat(Options.StartRetry, 6), clock.Delays.Where(d => d != Timeout.InfiniteTimeSpan));
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(health)).Status);
    }

    [Fact]
    public async Task Past_StartPatience_a_feed_that_is_still_away_is_backed_off_from()
    {
        var feed = new FakeFeed([WorkerFakes.Event(1, 1, 1)]) { Failures = 4 };
        _checkpoints.Target = 1;
        var clock = new RecordingTimeProvider();
        using var worker = Worker(feed, clock, new WorkerOptions
        {
            BatchSize = Options.BatchSize,
            FeedWait = Options.FeedWait,
            MinBackoff = Options.MinBackoff,
            MaxBackoff = Options.MaxBackoff,
            StartPatience = TimeSpan.Zero,
        });

        await worker.StartAsync(default).WithTimeout();
        await _checkpoints.Reached.Task.WithTimeout();
        await worker.StopAsync(default).WithTimeout();

        // Doubling from MinBackoff (10 ms) to MaxBackoff (50 ms), each with up to a quarter of jitter taken off (the
        // timer gets whole milliseconds, hence the 1 ms below).
        var delays = clock.Delays.Where(d => d != Timeout.InfiniteTimeSpan).Select(d => d.TotalMilliseconds).ToList();
        Assert.Equal(4, delays.Count);
        Assert.All(delays.Zip([10.0, 20, 40, 50]), pair => Assert.InRange(pair.First, (pair.Second * 0.75) - 1, pair.Second));
    }

    [Fact]
    public async Task A_worker_that_read_once_and_then_fails_is_backing_off_not_starting()
    {
        var status = new WorkerStatus(TimeProvider.System);
        var health = new WorkerHealthCheck(status, Microsoft.Extensions.Options.Options.Create(Options), TimeProvider.System);
        status.Failed(new HttpRequestException("connection refused"));
        Assert.Equal("Starting: waiting for the change feed and the projection table (HttpRequestException: connection refused)", (await CheckAsync(health)).Description);

        status.Succeeded(3);
        status.Failed(new HttpRequestException("connection refused"));

        Assert.Equal((HealthStatus.Degraded, "Backing off: HttpRequestException: connection refused"), await CheckAsync(health));
    }

    private static async Task<(HealthStatus Status, string? Description)> CheckAsync(WorkerHealthCheck health)
    {
        var result = await health.CheckHealthAsync(new HealthCheckContext());
        return (result.Status, result.Description);
    }

    [Fact]
    public async Task It_backs_off_while_the_feed_is_away_and_catches_up_in_order_when_it_returns()
    {
        var feed = new FakeFeed([.. Enumerable.Range(1, 5).Select(i => WorkerFakes.Event(i, i, 1))]) { Failures = 4 };
        _checkpoints.Target = 5;
        using var worker = Worker(feed);

        await worker.StartAsync(default).WithTimeout();
        await _checkpoints.Reached.Task.WithTimeout();
        await worker.StopAsync(default).WithTimeout();

        Assert.Equal([1L, 2L, 3L, 4L, 5L], _projection.Applied.Select(e => e.Sequence).Order());
        Assert.Equal(0, feed.Failures);
    }

    [Fact]
    public async Task A_dynamodb_that_accepts_connections_but_never_answers_is_waited_out_not_a_crash()
    {
        // The AWS SDK's own request timeout surfaces as TimeoutException (seen with DynamoDB Local stopped behind DCP's proxy).
        var failures = 3;
        _projection.FailWhen = _ => Interlocked.Decrement(ref failures) >= 0;
        _projection.Failure = () => new TimeoutException("The operation was canceled.");
        var feed = new FakeFeed([WorkerFakes.Event(1, 1, 1), WorkerFakes.Event(2, 2, 1)]);
        _checkpoints.Target = 2;
        using var worker = Worker(feed);

        await worker.StartAsync(default).WithTimeout();
        await _checkpoints.Reached.Task.WithTimeout();
        await worker.StopAsync(default).WithTimeout();

        // A page's events are applied in parallel and a page with a failed one is retried whole, so a sibling that
        // succeeded may be applied again (at-least-once; the projection is idempotent): each event, at least once.
        Assert.Equal([1L, 2L], _projection.Applied.Select(e => e.Sequence).Distinct().Order());
    }

    [Fact]
    public async Task The_first_read_is_answered_at_once_every_later_one_waits_in_the_feed_and_the_loop_adds_no_delay()
    {
        var feed = new FakeFeed([]);
        var clock = new RecordingTimeProvider();
        using var worker = Worker(feed, clock);

        await worker.StartAsync(default).WithTimeout();
        await feed.ThirdRead.Task.WithTimeout();
        await worker.StopAsync(default).WithTimeout();

        // The first read tells the loop at once that the feed is there; caught up, the wait happens in the API (one
        // request per wait); the loop itself starts no timer.
        Assert.Equal(0, feed.Waits.First());
        Assert.All(feed.Waits.Skip(1), wait => Assert.Equal(7, wait));
        Assert.Empty(clock.Delays);
    }

    [Fact]
    public async Task After_a_full_page_the_next_page_is_read_while_the_first_is_projected()
    {
        var feed = new FakeFeed([.. Enumerable.Range(1, 4).Select(i => WorkerFakes.Event(i, i, 1))]);
        _projection.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _checkpoints.Target = 4;
        using var worker = Worker(feed);

        await worker.StartAsync(default).WithTimeout();
        // The first page (events 1-2, full at BatchSize 2) is held in the projection; the second read happens anyway.
        await feed.SecondRead.Task.WithTimeout();
        _projection.Gate.SetResult();
        await _checkpoints.Reached.Task.WithTimeout();
        await worker.StopAsync(default).WithTimeout();

        Assert.Equal([1L, 2L, 3L, 4L], _projection.Applied.Select(e => e.Sequence).Order());
        Assert.Equal([2L, 4L], _checkpoints.Saves.Take(2));
    }

    [Fact]
    public async Task Shutdown_ends_a_read_that_waits_in_the_feed()
    {
        var feed = new FakeFeed([]) { AnswerEmptyAtOnce = false };
        using var worker = Worker(feed);

        await worker.StartAsync(default).WithTimeout();
        // The first read is answered at once; the second waits in the feed.
        await feed.SecondRead.Task.WithTimeout();
        await worker.StopAsync(default).WithTimeout();
        await worker.ExecuteTask!.WithTimeout();

        Assert.Equal(2, feed.Reads);
        Assert.Empty(_checkpoints.Saves);
    }

    /// <summary>The system clock, recording every timer the code under test starts (Task.Delay with a TimeProvider starts one).</summary>
    private sealed class RecordingTimeProvider : TimeProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<TimeSpan> Delays { get; } = new();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Delays.Enqueue(dueTime);
            return System.CreateTimer(callback, state, dueTime, period);
        }
    }

    [Fact]
    public async Task Shutdown_during_a_batch_finishes_that_batch_and_its_checkpoint()
    {
        var feed = new FakeFeed([WorkerFakes.Event(1, 1, 1), WorkerFakes.Event(2, 2, 1), WorkerFakes.Event(3, 3, 1)]);
        _projection.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var worker = Worker(feed);

        await worker.StartAsync(default).WithTimeout();
        await _projection.FirstApply.Task.WithTimeout();
        var stopping = worker.StopAsync(default);
        _projection.Gate.SetResult();
        await stopping.WithTimeout();

        Assert.Equal([1L, 2L], _projection.Applied.Select(e => e.Sequence).Order());
        Assert.Equal(2, _checkpoints.Position);
    }
}
