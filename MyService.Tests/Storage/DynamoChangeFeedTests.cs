using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MyService.Api.Extensions;
using MyService.Api.Items;
using MyService.Api.Storage;
using MyService.Api.Storage.DynamoDb;
using MyService.Api.Users;

namespace MyService.Tests.Storage;

/// <summary>Sequence numbers come from a counter, so the feed must not let a consumer pass a number still being written.</summary>
[Collection(DynamoDBLocalCollection.Name)]
public sealed class DynamoChangeFeedTests(DynamoDBLocalServer dynamo) : IAsyncLifetime
{
    private readonly ManualClock _clock = new();
    private IHost? _host;

    private IServiceProvider Services => _host!.Services;

    public async Task InitializeAsync()
    {
        var table = await dynamo.CreateTableAsync("feed");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(dynamo.Settings(("store", table)));
        builder.Services.AddSingleton<TimeProvider>(_clock);
        builder.AddDynamoDBStorage();
        _host = builder.Build();
        await _host.StartAsync().WithTimeout();
    }

    public async Task DisposeAsync()
    {
        await _host!.StopAsync().WithTimeout();
        _host.Dispose();
    }

    [Fact]
    public async Task A_page_ends_at_a_fresh_hole_and_passes_it_once_settled_after_which_the_late_event_cannot_commit()
    {
        var feed = Services.GetRequiredService<IChangeFeed>();
        // A writer took number 1 and has not committed (yet); a later write commits number 2.
        var inFlight = await Services.GetRequiredService<StoreCounters>().NextAsync(StoreKeys.EventCounter, default).WithTimeout();
        await Services.GetRequiredService<IEntityStore<Item, ItemInput>>().CreateAsync(new ItemInput("after the hole", ""), default).WithTimeout();

        var fresh = await feed.ReadAsync(0, 10, default).WithTimeout();
        _clock.Advance(DynamoChangeFeed.SettleWindow + TimeSpan.FromSeconds(1));
        var settled = await feed.ReadAsync(0, 10, default).WithTimeout();
        var late = await LateEventCommitsAsync(inFlight);

        Assert.Empty(fresh.Events);
        Assert.Equal(0, fresh.LastSequence);
        Assert.Equal([inFlight + 1], settled.Events.Select(e => e.Sequence));
        Assert.False(late);
    }

    [Fact]
    public async Task Refused_writes_leave_no_hole_to_wait_for_and_a_page_of_voids_still_advances()
    {
        var users = Services.GetRequiredService<IEntityStore<User, UserInput>>();
        var feed = Services.GetRequiredService<IChangeFeed>();
        var ann = (await users.CreateAsync(new UserInput("ann@example.com", "Ann"), default).WithTimeout()).Entity!;
        for (var i = 0; i < 3; i++)
        {
            await users.CreateAsync(new UserInput("ANN@example.com", "Dup"), default).WithTimeout();
        }

        await users.UpdateAsync(ann.Id, new UserInput("ann@example.com", "Ann 2"), null, default).WithTimeout();

        var first = await feed.ReadAsync(0, 1, default).WithTimeout();
        var voids = await feed.ReadAsync(first.LastSequence, 1, default).WithTimeout();
        var rest = await feed.ReadAsync(first.LastSequence, 10, default).WithTimeout();

        Assert.Equal("created", Assert.Single(first.Events).Operation);
        Assert.True(voids.LastSequence > first.LastSequence);
        Assert.Equal("updated", Assert.Single(rest.Events).Operation);
        Assert.Equal(first.LastSequence + 4, rest.LastSequence);
    }

    private async Task<bool> LateEventCommitsAsync(long sequence)
    {
        var table = Services.GetRequiredService<StoreTable>();
        var change = new ChangeEvent(sequence, "item", 99, "created", 1, _clock.GetUtcNow(), null, null);
        try
        {
            await table.Client.PutItemAsync(new PutItemRequest { TableName = table.Name, Item = EventItems.ToItem(change), ConditionExpression = EventItems.OnlyIfFree }).WithTimeout();
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }
}
