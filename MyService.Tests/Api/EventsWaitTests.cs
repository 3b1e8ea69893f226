using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using MyService.Api.Storage;
using MyService.Api.Storage.Sqlite;

namespace MyService.Tests.Api;

/// <summary><c>GET /events?wait=</c> over HTTP: answered by a commit, empty when the wait ends, 400 for a bad wait.</summary>
public sealed class EventsWaitTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task A_waiting_read_is_answered_with_the_event_a_write_commits()
    {
        var feed = new ObservedFeed();
        using var app = WithObservedFeed(feed);
        using var client = app.CreateApiClient();
        // One event first, so the read of the position (after=0) finds it and only the waiting read is empty.
        using (await client.PostAsJsonAsync("/users", new { email = $"{Guid.NewGuid():N}@example.com", name = "First" }).WithTimeout())
        {
        }

        var after = await LastSequenceAsync(client);
        var waiting = client.GetAsync($"/events?after={after}&wait=25");
        // The read found nothing and the request now waits: only the commit below can answer it.
        await feed.EmptyRead.Task.WithTimeout();

        var email = $"{Guid.NewGuid():N}@example.com";
        using (var created = await client.PostAsJsonAsync("/users", new { email, name = "Waited for" }).WithTimeout())
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var response = await waiting.WithTimeout();
        var page = await response.ReadJsonAsync();
        var first = page.GetProperty("events")[0];
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(after + 1, first.GetProperty("sequence").GetInt64());
        Assert.Equal(email, first.GetProperty("payload").GetProperty("email").GetString());
    }

    [Fact]
    public async Task A_wait_that_ends_with_nothing_new_is_an_empty_page_at_the_same_position()
    {
        using var response = await _client.GetAsync("/events?after=999999&wait=1").WithTimeout();
        var page = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, page.GetProperty("events").GetArrayLength());
        Assert.Equal(999999, page.GetProperty("lastSequence").GetInt64());
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("31")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("1e1")]
    [InlineData("")]
    [InlineData("+5")]
    [InlineData("99999999999999999999")]
    public async Task A_bad_wait_is_a_400_naming_wait(string wait)
    {
        using var response = await _client.GetAsync($"/events?after=0&wait={Uri.EscapeDataString(wait)}").WithTimeout();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["wait"], await response.ProblemFieldsAsync());
    }

    [Fact]
    public async Task Shutdown_ends_a_wait_at_once_with_the_empty_page()
    {
        // Its own app: this test stops it.
        var feed = new ObservedFeed();
        using var app = WithObservedFeed(feed);
        using var client = app.CreateApiClient();
        var waiting = client.GetAsync("/events?after=999999&wait=30");
        await feed.EmptyRead.Task.WithTimeout();

        app.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        using var response = await waiting.WithTimeout(TimeSpan.FromSeconds(20));
        var page = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, page.GetProperty("events").GetArrayLength());
    }

    private static async Task<long> LastSequenceAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/events?after=0&limit=1000").WithTimeout();
        return (await response.ReadJsonAsync()).GetProperty("lastSequence").GetInt64();
    }

    private static ApiFactory WithObservedFeed(ObservedFeed feed) => ApiFactory.With(host => host.ConfigureTestServices(services =>
        services.RemoveAll<IChangeFeed>().AddSingleton<IChangeFeed>(sp => feed.Over(new SqliteChangeFeed(sp.GetRequiredService<SqliteDatabase>())))));

    /// <summary>The real SQLite feed, telling the test when a read came back empty (the request then waits).</summary>
    private sealed class ObservedFeed : IChangeFeed
    {
        private IChangeFeed? _inner;

        public TaskCompletionSource EmptyRead { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private IChangeFeed Inner => _inner ?? throw new InvalidOperationException("Over() was not called.");

        public Task NextCommit => Inner.NextCommit;

        public TimeSpan? PollInterval => Inner.PollInterval;

        public ObservedFeed Over(IChangeFeed inner)
        {
            _inner = inner;
            return this;
        }

        public async Task<EventPage> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken)
        {
            var page = await Inner.ReadAsync(afterSequence, limit, cancellationToken);
            if (page.Events.Count == 0 && afterSequence > 0)
            {
                EmptyRead.TrySetResult();
            }

            return page;
        }
    }
}
