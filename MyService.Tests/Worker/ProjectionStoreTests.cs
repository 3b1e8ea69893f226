extern alias Worker;

using Microsoft.Extensions.Options;
using Worker::MyService.Worker.Processing;
using Worker::MyService.Worker.Projection;

namespace MyService.Tests.Worker;

/// <summary>The projection's version rule on DynamoDB Local: replays, duplicates and reordering change nothing.</summary>
[Collection(DynamoDBLocalCollection.Name)]
public sealed class ProjectionStoreTests(DynamoDBLocalServer dynamo) : IAsyncLifetime
{
    private ProjectionTable? _table;

    private DynamoProjectionStore Store => new(_table!, TimeProvider.System);

    public async Task InitializeAsync() => _table = new ProjectionTable(dynamo.CreateClient(), await dynamo.CreateTableAsync("projection"));

    public Task DisposeAsync()
    {
        _table?.Client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Changes_applied_together_skip_what_the_projection_already_holds_and_write_the_rest()
    {
        // A replayed backlog page: entities 11 and 13 are already at these versions (or newer), 12 and 14 are new.
        await Store.ApplyAsync(WorkerFakes.Event(1, 11, 1, "created"), default).WithTimeout();
        await Store.ApplyAsync(WorkerFakes.Event(5, 13, 4), default).WithTimeout();
        IReadOnlyList<Worker::MyService.Worker.Feed.FeedEvent> page =
            [WorkerFakes.Event(1, 11, 1, "created"), WorkerFakes.Event(2, 12, 1, "created"), WorkerFakes.Event(3, 13, 2), WorkerFakes.Event(4, 14, 1, "deleted")];

        var applied = await Store.ApplyTogetherAsync(page, default).WithTimeout();

        Assert.Equal([false, true, false, true], applied);
        Assert.Equal(1, (await Store.FindAsync("user", 12, default).WithTimeout())!.Version);
        Assert.Equal(4, (await Store.FindAsync("user", 13, default).WithTimeout())!.Version);
        Assert.Null(await Store.FindAsync("user", 14, default).WithTimeout());
        Assert.False(await Store.ApplyAsync(WorkerFakes.Event(4, 14, 1, "deleted"), default).WithTimeout());
    }

    [Fact]
    public void Transactions_stay_within_100_items_and_a_few_megabytes()
    {
        var small = Enumerable.Range(1, 250).Select(i => WorkerFakes.Event(i, i, 1)).ToList();
        var big = Enumerable.Range(1, 100).Select(i => BigEvent(i)).ToList();

        Assert.Equal([100, 100, 50], ProjectionItems.Transactions(small).Select(t => t.Count));
        Assert.All(ProjectionItems.Transactions(big), t => Assert.True(t.Sum(ProjectionItems.SizeBound) <= 3 * 1024 * 1024 || t.Count == 1));
        Assert.Equal(100, ProjectionItems.Transactions(big).Sum(t => t.Count));
    }

    [Fact]
    public void SizeBound_counts_the_payload_in_utf8_bytes_as_stored()
    {
        var change = WorkerFakes.Event(1, 1, 1) with { Payload = System.Text.Json.JsonDocument.Parse("{\"name\":\"Zoë 日本\"}").RootElement };

        // {"name":"Zoë 日本"}: 14 ASCII bytes, ë 2, each of the two CJK characters 3.
        Assert.Equal(512 + 14 + 2 + 6, ProjectionItems.SizeBound(change));
        Assert.Equal(512 + 14 + 2 + 6, 512 + System.Text.Encoding.UTF8.GetByteCount(change.Payload!.Value.GetRawText()));
    }

    private static Worker::MyService.Worker.Feed.FeedEvent BigEvent(long id) =>
        WorkerFakes.Event(id, id, 1) with { Payload = System.Text.Json.JsonSerializer.SerializeToElement(new { text = new string('x', 60_000) }) };

    [Fact]
    public async Task A_duplicate_event_changes_nothing()
    {
        Assert.True(await Store.ApplyAsync(WorkerFakes.Event(1, 1, 1, "created"), default).WithTimeout());
        Assert.False(await Store.ApplyAsync(WorkerFakes.Event(1, 1, 1, "created"), default).WithTimeout());

        Assert.Equal(1, (await Store.FindAsync("user", 1, default).WithTimeout())!.Version);
    }

    [Fact]
    public async Task An_older_event_arriving_after_a_newer_one_is_skipped()
    {
        await Store.ApplyAsync(WorkerFakes.Event(3, 2, 3), default).WithTimeout();

        var older = await Store.ApplyAsync(WorkerFakes.Event(2, 2, 2), default).WithTimeout();

        Assert.False(older);
        var projected = await Store.FindAsync("user", 2, default).WithTimeout();
        Assert.Equal((3L, 3L), (projected!.Version, projected.Sequence));
    }

    [Fact]
    public async Task A_version_gap_is_applied_because_each_event_carries_the_whole_entity()
    {
        await Store.ApplyAsync(WorkerFakes.Event(1, 3, 1, "created"), default).WithTimeout();

        var newer = await Store.ApplyAsync(WorkerFakes.Event(9, 3, 4), default).WithTimeout();

        Assert.True(newer);
        var projected = await Store.FindAsync("user", 3, default).WithTimeout();
        Assert.Equal(4, projected!.Version);
        Assert.Contains("\"version\":4", projected.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delete_removes_the_entity_and_a_replayed_older_event_does_not_bring_it_back()
    {
        await Store.ApplyAsync(WorkerFakes.Event(1, 4, 1, "created"), default).WithTimeout();
        await Store.ApplyAsync(WorkerFakes.Event(2, 4, 2), default).WithTimeout();
        await Store.ApplyAsync(WorkerFakes.Event(3, 4, 3, "deleted"), default).WithTimeout();

        var replayed = await Store.ApplyAsync(WorkerFakes.Event(2, 4, 2), default).WithTimeout();

        Assert.False(replayed);
        Assert.Null(await Store.FindAsync("user", 4, default).WithTimeout());
    }

    [Fact]
    public async Task Entities_of_different_types_with_one_id_are_separate()
    {
        await Store.ApplyAsync(WorkerFakes.Event(1, 5, 2, type: "user"), default).WithTimeout();

        Assert.True(await Store.ApplyAsync(WorkerFakes.Event(2, 5, 1, type: "item"), default).WithTimeout());
        Assert.Equal(1, (await Store.FindAsync("item", 5, default).WithTimeout())!.Version);
    }

    [Fact]
    public async Task The_checkpoint_starts_at_zero_and_only_moves_forward()
    {
        var checkpoints = new DynamoCheckpointStore(_table!, Options.Create(new WorkerOptions()));

        var initial = await checkpoints.LoadAsync(default).WithTimeout();
        await checkpoints.SaveAsync(10, default).WithTimeout();
        await checkpoints.SaveAsync(7, default).WithTimeout();

        Assert.Equal(0, initial);
        Assert.Equal(10, await checkpoints.LoadAsync(default).WithTimeout());
    }
}
