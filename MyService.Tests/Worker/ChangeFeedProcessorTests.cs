extern alias Worker;

using System.Diagnostics;
using Microsoft.Extensions.Options;
using Worker::MyService.Worker.Feed;
using Worker::MyService.Worker.Processing;

namespace MyService.Tests.Worker;

public sealed class ChangeFeedProcessorTests
{
    private readonly RecordingProjection _projection = new();
    private readonly FakeCheckpoints _checkpoints = new();

    private ChangeFeedProcessor Processor => new(_projection, _checkpoints, Options.Create(new WorkerOptions()), TimeProvider.System);

    /// <summary>Every page applied one write per event, whatever its size.</summary>
    private ChangeFeedProcessor FollowingProcessor => new(_projection, _checkpoints, Options.Create(new WorkerOptions { TogetherFrom = int.MaxValue }), TimeProvider.System);

    [Fact]
    public async Task The_checkpoint_moves_to_the_page_end_after_every_event_of_the_page_was_applied()
    {
        var page = new FeedPage([WorkerFakes.Event(3, 1, 1), WorkerFakes.Event(4, 2, 1)], LastSequence: 6);

        var result = await Processor.ApplyAsync(page, 2, default).WithTimeout();

        Assert.Equal([3L, 4L], _projection.Applied.Select(e => e.Sequence).Order());
        Assert.Equal([6L], _checkpoints.Saves);
        Assert.Equal((2, 2, 6L), (result.Events, result.Applied, result.Checkpoint));
    }

    [Fact]
    public async Task An_empty_page_at_the_checkpoint_writes_no_checkpoint_but_one_past_voided_holes_does()
    {
        var idle = await Processor.ApplyAsync(new FeedPage([], LastSequence: 5), 5, default).WithTimeout();
        Assert.Empty(_checkpoints.Saves);
        Assert.Equal(5L, idle.Checkpoint);

        var skipped = await Processor.ApplyAsync(new FeedPage([], LastSequence: 8), 5, default).WithTimeout();
        Assert.Equal([8L], _checkpoints.Saves);
        Assert.Equal(8L, skipped.Checkpoint);
    }

    [Fact]
    public async Task Events_of_one_entity_are_applied_in_sequence_order()
    {
        var page = new FeedPage([.. Enumerable.Range(1, 20).Select(i => WorkerFakes.Event(i, i % 2, i))], LastSequence: 20);

        await FollowingProcessor.ApplyAsync(page, 0, default).WithTimeout();

        foreach (var entity in _projection.Applied.GroupBy(e => e.EntityId))
        {
            Assert.Equal(entity.Select(e => e.Sequence).Order(), entity.Select(e => e.Sequence));
        }

        Assert.Equal(20, _projection.Applied.Count);
    }

    [Fact]
    public async Task A_backlog_page_writes_each_entity_s_newest_event_in_transactions_then_the_checkpoint()
    {
        // 250 events of 125 entities, two versions each: 125 writes, in transactions of at most 100.
        var page = new FeedPage([.. Enumerable.Range(1, 250).Select(i => WorkerFakes.Event(i, (i + 1) / 2, 2 - (i % 2)))], LastSequence: 250);

        var result = await Processor.ApplyAsync(page, 0, default).WithTimeout();

        Assert.Equal(Enumerable.Range(1, 125).Select(i => (long)i), _projection.Applied.Select(e => e.EntityId).Order());
        Assert.All(_projection.Applied, e => Assert.Equal(2, e.Version));
        Assert.All(_projection.Together, t => Assert.InRange(t.Count, 1, 100));
        Assert.Equal([250L], _checkpoints.Saves);
        Assert.Equal((250, 125, 250L), (result.Events, result.Applied, result.Checkpoint));
    }

    [Fact]
    public async Task A_failed_projection_write_leaves_the_checkpoint_where_it_was()
    {
        _projection.FailWhen = e => e.Sequence == 2;
        var page = new FeedPage([WorkerFakes.Event(1, 1, 1), WorkerFakes.Event(2, 1, 2), WorkerFakes.Event(3, 1, 3)], 3);

        await Assert.ThrowsAsync<Amazon.DynamoDBv2.AmazonDynamoDBException>(() => Processor.ApplyAsync(page, 0, default)).WithTimeout();

        Assert.Empty(_checkpoints.Saves);
        Assert.Equal([1L], _projection.Applied.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Each_event_is_processed_in_the_trace_of_the_request_that_caused_it()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var parentSpan = ActivitySpanId.CreateRandom();
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == WorkerTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);

        await Processor.ApplyAsync(new FeedPage([WorkerFakes.Event(1, 7, 1, traceParent: $"00-{traceId}-{parentSpan}-01")], 1), 0, default).WithTimeout();

        var span = Assert.Single(spans, s => s.OperationName == "project user");
        Assert.Equal(traceId, span.TraceId);
        Assert.Equal(parentSpan, span.ParentSpanId);
        Assert.Equal(ActivityKind.Consumer, span.Kind);
    }
}
