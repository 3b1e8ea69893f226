using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MyService.Hosting.Dashboard.Telemetry;
using MyService.Hosting.Orchestration;
using MyService.Hosting.Testing;
using MyService.Tests.Api;
using MyService.Tests.Hosting;

namespace MyService.Tests.Distributed;

/// <summary>The worker on the real app model: real API, real DynamoDB Local, real processes killed and stopped.</summary>
[Collection(AppHostCollection.Name)]
public sealed class WorkerTests(AppHostFixture fixture) : IDisposable
{
    private static readonly TimeSpan Convergence = TimeSpan.FromSeconds(60);

    private readonly ProjectionReader _projection = new(fixture.App);

    private DistributedApplication App => fixture.App;

    public void Dispose() => _projection.Dispose();

    private HttpClient Api()
    {
        var client = App.CreateHttpClient("api");
        client.Timeout = TestTimeouts.Default;
        return client;
    }

    [Fact]
    public async Task A_user_created_through_the_api_appears_in_the_projection_within_seconds()
    {
        using var client = Api();
        var user = await client.CreateUserAsync($"p{Guid.NewGuid():N}@example.com", "Projected");
        var id = user.GetProperty("id").GetInt64();

        await ProjectionReader.EventuallyAsync(async () => await _projection.FindAsync("user", id) is { Version: 1 }, TimeSpan.FromSeconds(10), $"user {id} projected");

        var projected = (await _projection.FindAsync("user", id))!.Value;
        Assert.Equal("Projected", JsonDocument.Parse(projected.Payload!).RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task One_trace_shows_the_request_the_worker_and_dynamodb_and_idle_polls_are_not_traced()
    {
        var store = App.Services.GetRequiredService<TelemetryStore>();
        using var client = Api();
        var id = (await client.CreateUserAsync($"t{Guid.NewGuid():N}@example.com", "Traced")).GetProperty("id").GetInt64();

        IReadOnlyList<SpanEntry> trace = [];
        await ProjectionReader.EventuallyAsync(() =>
        {
            var projected = store.Spans("worker").FirstOrDefault(s => s.Name == "project user" && Tag(s, "myservice.entity.id") == id.ToString(CultureInfo.InvariantCulture));
            trace = projected is null ? [] : store.Trace(projected.TraceId);
            return Task.FromResult(trace.Any(s => s.Name == "DynamoDB.PutItem") && trace.Any(s => s.Name == "POST /users"));
        }, TimeSpan.FromSeconds(20), $"the trace of user {id} with the api's and the worker's spans");

        Assert.Contains(trace, s => s.Resource == "api" && s.Name == "POST /users" && s.ParentSpanId is null);
        Assert.Contains(trace, s => s.Resource == "worker" && s.Name == "project user" && s.Kind == "Consumer");
        // The worker has polled the empty feed since it started; none of those reads is a trace, on either side.
        Assert.DoesNotContain(store.Spans("api"), s => s.Name == "GET /events" && Tag(s, "myservice.feed.events") == "0");
        Assert.DoesNotContain(store.Spans("worker"), s => Tag(s, "url.full")?.Contains("/events", StringComparison.Ordinal) == true);
        // The read that found the user is traced by the API, tagged with what it returned.
        await ProjectionReader.EventuallyAsync(
            () => Task.FromResult(store.Spans("api").Any(s => s.Name == "GET /events" && Tag(s, "myservice.feed.events") is not (null or "0"))),
            TimeSpan.FromSeconds(10), "the api's span of a feed read that returned events");
    }

    private static string? Tag(SpanEntry span, string key) => span.Attributes.FirstOrDefault(a => a.Key == key).Value;

    [Fact]
    public async Task Two_hundred_writes_with_the_worker_killed_twice_converge_with_nothing_lost_or_applied_twice()
    {
        using var client = Api();
        var ids = new List<long>();
        for (var write = 0; write < 200; write++)
        {
            if (write is 70 or 140)
            {
                await KillWorkerAsync();
            }

            if (write % 4 == 0 || ids.Count == 0)
            {
                ids.Add((await client.CreateUserAsync($"c{Guid.NewGuid():N}@example.com", $"User {write}")).GetProperty("id").GetInt64());
            }
            else
            {
                var id = ids[write % ids.Count];
                using var updated = await client.PutAsJsonAsync($"/users/{id}", new { email = $"u{id}-{write}@example.com", name = $"Write {write}" });
                updated.EnsureSuccessStatusCode();
            }
        }

        var last = await LastSequenceAsync(client);
        await ProjectionReader.EventuallyAsync(async () => await _projection.CheckpointAsync() >= last, Convergence, $"checkpoint reaches {last}");

        var lastEvents = await LastEventPerUserAsync(client, ids);
        foreach (var id in ids)
        {
            using var current = await client.GetAsync($"/users/{id}");
            var entity = await current.ReadJsonAsync();
            var projected = (await _projection.FindAsync("user", id))!.Value;
            // The state of exactly the entity's last event: each applied once, in order, none missing.
            Assert.Equal(entity.GetProperty("version").GetInt64(), projected.Version);
            Assert.Equal(lastEvents[id], projected.Sequence);
            Assert.Equal(entity.GetProperty("name").GetString(), JsonDocument.Parse(projected.Payload!).RootElement.GetProperty("name").GetString());
        }
    }

    [Fact]
    public async Task With_dynamodb_stopped_for_a_while_the_worker_backs_off_then_catches_up()
    {
        using var client = Api();
        using var worker = App.CreateHttpClient("worker");
        worker.Timeout = TestTimeouts.Default;

        await App.ResourceCommands.ExecuteCommandAsync("dynamodb", ResourceCommandService.Stop).WithTimeout(TimeSpan.FromSeconds(60));
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await client.CreateUserAsync($"o{Guid.NewGuid():N}@example.com", $"Offline {i}")).GetProperty("id").GetInt64());
        }

        // "A while": until the worker itself reports that it is backing off.
        await ProjectionReader.EventuallyAsync(async () =>
        {
            using var health = await worker.GetAsync("/health");
            return (await health.Content.ReadAsStringAsync()).Contains("Degraded", StringComparison.Ordinal);
        }, Convergence, "the worker reports Degraded while DynamoDB is away");
        Assert.True(App.ResourceNotifications.Get("worker")!.IsUp);

        await App.ResourceCommands.ExecuteCommandAsync("dynamodb", ResourceCommandService.Start).WithTimeout();
        await App.WaitForAsync("dynamodb", s => s.IsUp, TimeSpan.FromSeconds(60));

        foreach (var id in ids)
        {
            await ProjectionReader.EventuallyAsync(async () => await _projection.FindAsync("user", id) is { Version: 1 }, Convergence, $"user {id} projected after DynamoDB returned");
        }
    }

    private async Task KillWorkerAsync()
    {
        var before = await App.WaitForAsync("worker", s => s.IsUp, TimeSpan.FromSeconds(60));
        using (var process = System.Diagnostics.Process.GetProcessById(before.ProcessId!.Value))
        {
            process.Kill(); // SIGKILL: no graceful shutdown, no final checkpoint
        }

        await App.WaitForAsync("worker", s => s.IsUp && s.ProcessId != before.ProcessId, TimeSpan.FromSeconds(60));
    }

    private static async Task<long> LastSequenceAsync(HttpClient client)
    {
        long after = 0;
        while (true)
        {
            using var response = await client.GetAsync($"/events?after={after}&limit=1000");
            var next = (await response.ReadJsonAsync()).GetProperty("lastSequence").GetInt64();
            if (next == after)
            {
                return after;
            }

            after = next;
        }
    }

    private static async Task<Dictionary<long, long>> LastEventPerUserAsync(HttpClient client, List<long> ids)
    {
        var last = new Dictionary<long, long>();
        long after = 0;
        while (true)
        {
            using var response = await client.GetAsync($"/events?after={after}&limit=1000");
            var page = await response.ReadJsonAsync();
            foreach (var e in page.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("entityType").GetString() == "user"))
            {
                last[e.GetProperty("entityId").GetInt64()] = e.GetProperty("sequence").GetInt64();
            }

            var next = page.GetProperty("lastSequence").GetInt64();
            if (next == after)
            {
                return ids.ToDictionary(id => id, id => last[id]);
            }

            after = next;
        }
    }
}
