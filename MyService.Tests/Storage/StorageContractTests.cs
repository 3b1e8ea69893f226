using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MyService.Api.Items;
using MyService.Api.Storage;
using MyService.Api.Users;

namespace MyService.Tests.Storage;

/// <summary>
/// The storage contract (docs/ARCHITECTURE.md): every provider passes these, each test on a store of its own. The providers
/// are wired through the API's own registration (<c>Storage:Provider</c>).
/// </summary>
public abstract class StorageContractTests : IAsyncLifetime
{
    private IHost? _host;

    private IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("Not initialized.");

    private IEntityStore<User, UserInput> Users => Services.GetRequiredService<IEntityStore<User, UserInput>>();

    private IEntityStore<Item, ItemInput> Items => Services.GetRequiredService<IEntityStore<Item, ItemInput>>();

    private IChangeFeed Feed => Services.GetRequiredService<IChangeFeed>();

    /// <summary>A started host with the provider's stores on empty storage.</summary>
    protected abstract Task<IHost> CreateHostAsync();

    public async Task InitializeAsync() => _host = await CreateHostAsync();

    public virtual async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync().WithTimeout();
            _host.Dispose();
        }
    }

    [Fact]
    public async Task Create_then_find_returns_the_entity_at_version_1()
    {
        var created = await CreateUserAsync("Ann@Example.com");

        var found = await Users.FindAsync(created.Id, default).WithTimeout();

        Assert.Equal(created, found);
        Assert.Equal(1, found!.Version);
        Assert.Equal("Ann@Example.com", found.Email);
        Assert.Null(await Users.FindAsync(created.Id + 1000, default).WithTimeout());
    }

    [Fact]
    public async Task Update_adds_a_version_keeps_created_at_and_checks_the_expected_version()
    {
        var created = await CreateUserAsync("bo@example.com");

        var updated = await Users.UpdateAsync(created.Id, new UserInput("bo@example.com", "Bo 2"), 1, default).WithTimeout();
        var stale = await Users.UpdateAsync(created.Id, new UserInput("bo@example.com", "Bo 3"), 1, default).WithTimeout();
        var unconditional = await Users.UpdateAsync(created.Id, new UserInput("bo@example.com", "Bo 4"), null, default).WithTimeout();
        var missing = await Users.UpdateAsync(created.Id + 1000, new UserInput("x@example.com", "X"), null, default).WithTimeout();
        var missingWithVersion = await Users.UpdateAsync(created.Id + 1000, new UserInput("x@example.com", "X"), 1, default).WithTimeout();

        Assert.Equal(WriteOutcome.Written, updated.Outcome);
        Assert.Equal(2, updated.Entity!.Version);
        Assert.Equal(created.CreatedAt, updated.Entity.CreatedAt);
        Assert.Equal((WriteOutcome.VersionMismatch, 2L), (stale.Outcome, stale.CurrentVersion));
        Assert.Equal(3, unconditional.Entity!.Version);
        Assert.Equal("Bo 4", (await Users.FindAsync(created.Id, default).WithTimeout())!.Name);
        Assert.Equal(WriteOutcome.NotFound, missing.Outcome);
        Assert.Equal(WriteOutcome.NotFound, missingWithVersion.Outcome);
    }

    [Fact]
    public async Task Delete_removes_checks_the_expected_version_and_is_not_found_the_second_time()
    {
        var created = await CreateUserAsync("cy@example.com");

        var stale = await Users.DeleteAsync(created.Id, 7, default).WithTimeout();
        var deleted = await Users.DeleteAsync(created.Id, 1, default).WithTimeout();
        var again = await Users.DeleteAsync(created.Id, null, default).WithTimeout();
        var againWithVersion = await Users.DeleteAsync(created.Id, 2, default).WithTimeout();

        Assert.Equal((WriteOutcome.VersionMismatch, 1L), (stale.Outcome, stale.CurrentVersion));
        Assert.Equal(WriteOutcome.Written, deleted.Outcome);
        Assert.Equal(WriteOutcome.NotFound, again.Outcome);
        Assert.Equal(WriteOutcome.NotFound, againWithVersion.Outcome);
        Assert.Null(await Users.FindAsync(created.Id, default).WithTimeout());
    }

    [Fact]
    public async Task Emails_are_unique_ignoring_case_and_freed_by_a_change_or_a_delete()
    {
        var ann = await CreateUserAsync("ann@example.com");
        var bo = await CreateUserAsync("bo@example.com");

        var duplicate = await Users.CreateAsync(new UserInput("ANN@example.com", "Other"), default).WithTimeout();
        var taken = await Users.UpdateAsync(bo.Id, new UserInput("Ann@Example.com", "Bo"), null, default).WithTimeout();
        var recased = await Users.UpdateAsync(ann.Id, new UserInput("ANN@EXAMPLE.COM", "Ann"), null, default).WithTimeout();
        var moved = await Users.UpdateAsync(bo.Id, new UserInput("bob@example.com", "Bo"), null, default).WithTimeout();
        var reused = await Users.CreateAsync(new UserInput("BO@example.com", "New Bo"), default).WithTimeout();
        await Users.DeleteAsync(ann.Id, null, default).WithTimeout();
        var afterDelete = await Users.CreateAsync(new UserInput("ann@example.com", "New Ann"), default).WithTimeout();

        Assert.Equal((WriteOutcome.Conflict, "email"), (duplicate.Outcome, duplicate.ConflictField));
        Assert.Equal((WriteOutcome.Conflict, "email"), (taken.Outcome, taken.ConflictField));
        Assert.Equal(WriteOutcome.Written, recased.Outcome);
        Assert.Equal(WriteOutcome.Written, moved.Outcome);
        Assert.Equal(WriteOutcome.Written, reused.Outcome);
        Assert.Equal(WriteOutcome.Written, afterDelete.Outcome);
    }

    [Fact]
    public async Task Parallel_creates_of_one_email_write_exactly_one()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(i => Users.CreateAsync(new UserInput("same@example.com", $"U{i}"), default))).WithTimeout();

        Assert.Single(results, r => r.Outcome == WriteOutcome.Written);
        Assert.All(results.Where(r => r.Outcome != WriteOutcome.Written), r => Assert.Equal(WriteOutcome.Conflict, r.Outcome));
    }

    [Fact]
    public async Task List_pages_in_id_order_after_the_given_id()
    {
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await Items.CreateAsync(new ItemInput($"item {i}", "d"), default).WithTimeout()).Entity!.Id);
        }

        var first = await Items.ListAsync(0, 2, default).WithTimeout();
        var rest = await Items.ListAsync(first[^1].Id, 100, default).WithTimeout();

        Assert.Equal(ids.Take(2), first.Select(i => i.Id));
        Assert.Equal(ids.Skip(2), rest.Select(i => i.Id));
        Assert.Empty(await Items.ListAsync(ids[^1], 10, default).WithTimeout());
    }

    [Fact]
    public async Task Every_write_appends_its_event_in_order_and_refused_writes_append_none()
    {
        using var activity = new Activity("contract").SetIdFormat(ActivityIdFormat.W3C).Start();
        var user = await CreateUserAsync("ev@example.com");
        await Users.CreateAsync(new UserInput("EV@example.com", "Dup"), default).WithTimeout();
        await Users.UpdateAsync(user.Id, new UserInput("ev@example.com", "Ev 2"), 5, default).WithTimeout();
        await Users.UpdateAsync(user.Id, new UserInput("ev@example.com", "Ev 2"), 1, default).WithTimeout();
        var item = (await Items.CreateAsync(new ItemInput("thing", ""), default).WithTimeout()).Entity!;
        await Users.DeleteAsync(user.Id, null, default).WithTimeout();

        var page = await Feed.ReadAsync(0, 100, default).WithTimeout();

        Assert.Equal(
            [("user", user.Id, "created", 1L), ("user", user.Id, "updated", 2L), ("item", item.Id, "created", 1L), ("user", user.Id, "deleted", 3L)],
            page.Events.Select(e => (e.EntityType, e.EntityId, e.Operation, e.Version)));
        Assert.Equal("Ev 2", page.Events[1].Payload!.Value.GetProperty("name").GetString());
        Assert.Null(page.Events[3].Payload);
        Assert.All(page.Events, e => Assert.Equal(activity.Id, e.TraceParent));
        var sequences = page.Events.Select(e => e.Sequence).ToList();
        Assert.Equal(sequences.Order().Distinct(), sequences);
        Assert.True(page.LastSequence >= sequences[^1]);
    }

    [Fact]
    public async Task The_feed_pages_with_after_and_limit_and_keeps_its_position_at_the_end()
    {
        for (var i = 0; i < 5; i++)
        {
            await Items.CreateAsync(new ItemInput($"feed {i}", ""), default).WithTimeout();
        }

        var first = await Feed.ReadAsync(0, 2, default).WithTimeout();
        var rest = await Feed.ReadAsync(first.LastSequence, 100, default).WithTimeout();
        var end = await Feed.ReadAsync(rest.LastSequence, 100, default).WithTimeout();

        Assert.Equal(2, first.Events.Count);
        Assert.Equal(3, rest.Events.Count);
        Assert.True(rest.Events[0].Sequence > first.Events[^1].Sequence);
        Assert.Empty(end.Events);
        Assert.Equal(rest.LastSequence, end.LastSequence);
    }

    private async Task<User> CreateUserAsync(string email)
    {
        var result = await Users.CreateAsync(new UserInput(email, "Name"), default).WithTimeout();
        Assert.Equal(WriteOutcome.Written, result.Outcome);
        return result.Entity!;
    }
}
