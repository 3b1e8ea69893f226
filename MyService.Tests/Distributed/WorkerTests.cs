using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MyService.Tests.Api;

namespace MyService.Tests.Distributed;

/// <summary>The worker on the real app model: real API, real DynamoDB Local, real processes killed and stopped.</summary>
[Collection(AppHostCollection.Name)]
public sealed class WorkerTests(AppHostFixture fixture) : IDisposable
{
    private static readonly TimeSpan Convergence = TimeSpan.FromSeconds(90);

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
        var user = await client.CreateUserAsync($"p{Guid.NewGuid():N}@example.com", "Projected").WithTimeout();
        var id = user.GetProperty("id").GetInt64();

        await ProjectionReader.EventuallyAsync(async () => await _projection.FindAsync("user", id) is { Version: 1 }, TimeSpan.FromSeconds(20), $"user {id} projected");

        var projected = (await _projection.FindAsync("user", id))!.Value;
        Assert.Equal("Projected", JsonDocument.Parse(projected.Payload!).RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Two_hundred_writes_with_the_worker_killed_twice_converge_with_nothing_lost_or_applied_twice()
    {
        using var client = Api();
        var restartsBefore = AppResources.Restarts(await App.WaitForAsync("worker", AppResources.IsUp));
        var ids = new List<long>();
        for (var write = 0; write < 200; write++)
        {
            if (write is 70 or 140)
            {
                await KillWorkerAsync();
            }

            if (write % 4 == 0 || ids.Count == 0)
            {
                ids.Add((await client.CreateUserAsync($"c{Guid.NewGuid():N}@example.com", $"User {write}").WithTimeout()).GetProperty("id").GetInt64());
            }
            else
            {
                var id = ids[write % ids.Count];
                using var updated = await client.PutAsJsonAsync($"/users/{id}", new { email = $"u{id}-{write}@example.com", name = $"Write {write}" }).WithTimeout();
                updated.EnsureSuccessStatusCode();
            }
        }

        var last = await FeedReading.LastSequenceAsync(client);
        await ProjectionReader.EventuallyAsync(async () => await _projection.CheckpointAsync() >= last, Convergence, $"checkpoint reaches {last}");

        var lastEvents = await FeedReading.LastEventPerUserAsync(client, ids);
        foreach (var id in ids)
        {
            using var current = await client.GetAsync($"/users/{id}").WithTimeout();
            var entity = await current.ReadJsonAsync();
            var projected = (await _projection.FindAsync("user", id))!.Value;
            // The state of exactly the entity's last event: each applied once, in order, none missing.
            Assert.Equal(entity.GetProperty("version").GetInt64(), projected.Version);
            Assert.Equal(lastEvents[id], projected.Sequence);
            Assert.Equal(entity.GetProperty("name").GetString(), JsonDocument.Parse(projected.Payload!).RootElement.GetProperty("name").GetString());
        }

        // Both kills were restarts by the restart policy, counted on the resource.
        Assert.Equal(restartsBefore + 2, AppResources.Restarts(await App.WaitForAsync("worker", AppResources.IsUp)));
    }

    [Fact]
    public async Task With_dynamodb_stopped_for_a_while_the_worker_backs_off_then_catches_up()
    {
        using var client = Api();
        using var worker = App.CreateHttpClient("worker");
        worker.Timeout = TestTimeouts.Default;

        var restartsBefore = AppResources.Restarts(await App.WaitForAsync("dynamodb", AppResources.IsUp));
        var stopped = await App.ResourceCommands.ExecuteCommandAsync("dynamodb", KnownResourceCommands.StopCommand).WithTimeout(TimeSpan.FromSeconds(60));
        Assert.True(stopped.Success, stopped.Message);
        var ids = new List<long>();
        try
        {
            for (var i = 0; i < 5; i++)
            {
                ids.Add((await client.CreateUserAsync($"o{Guid.NewGuid():N}@example.com", $"Offline {i}").WithTimeout()).GetProperty("id").GetInt64());
            }

            // "A while": until the worker itself reports that it is backing off (and is still running: no crash).
            await ProjectionReader.EventuallyAsync(async () =>
            {
                using var health = await worker.GetAsync("/health");
                return (await health.Content.ReadAsStringAsync()).Contains("Degraded", StringComparison.Ordinal);
            }, Convergence, "the worker reports Degraded while DynamoDB is away");
            // ...and its resource says so, with the reason, where a status-code check would show Healthy. Aspire
            // checks a Healthy resource again only every 30 s, and patience re-asks a Degraded one for 10 s first.
            var backingOff = await App.WaitForAsync("worker", e => e.Snapshot.HealthStatus == HealthStatus.Degraded, TimeSpan.FromSeconds(60));
            Assert.Equal(KnownResourceStates.Running, backingOff.Snapshot.State?.Text);
            Assert.Contains(backingOff.Snapshot.HealthReports, r => r.Description?.StartsWith("projection: Backing off: ", StringComparison.Ordinal) == true);
            // Its console says so in its own backoff warnings, not in one more line per health probe (the AppHost's
            // patience asks every 100 ms while it is not Healthy).
            var console = await App.LogsAsync("worker");
            Assert.Contains(console, line => line.Contains("unavailable; retrying", StringComparison.Ordinal));
            Assert.DoesNotContain(console, line => line.Contains("with status Degraded", StringComparison.Ordinal));
            // A stop someone asked for is not undone by dynamodb's restart policy.
            var dynamodb = await App.WaitForAsync("dynamodb", _ => true);
            Assert.Contains(dynamodb.Snapshot.State?.Text, KnownResourceStates.TerminalStates);
            Assert.Equal(restartsBefore, AppResources.Restarts(dynamodb));
        }
        finally
        {
            // Whatever happened above, the shared app gets its DynamoDB Local back.
            var started = await App.ResourceCommands.ExecuteCommandAsync("dynamodb", KnownResourceCommands.StartCommand).WithTimeout(TimeSpan.FromSeconds(60));
            Assert.True(started.Success, started.Message);
            // The next test finds the app as the fixture left it: every resource healthy again. The tables are Exited
            // until DynamoDB Local is ready and has created them again, so first wait for that.
            await App.WaitForAsync("projection", e => e.Snapshot.State?.Text == KnownResourceStates.Running, TimeSpan.FromSeconds(90));
            foreach (var name in AppHostFixture.Resources)
            {
                await App.ResourceNotifications.WaitForResourceHealthyAsync(name).WithTimeout(TimeSpan.FromSeconds(90));
            }
        }

        // In memory, DynamoDB Local comes back empty: the tables are created again, the worker replays the feed.
        foreach (var id in ids)
        {
            await ProjectionReader.EventuallyAsync(async () => await _projection.FindAsync("user", id) is { Version: 1 }, Convergence, $"user {id} projected after DynamoDB returned");
        }

        // ...and has replayed the whole feed, so a test after this one does not wait behind the replay.
        var last = await FeedReading.LastSequenceAsync(client);
        await ProjectionReader.EventuallyAsync(async () => await _projection.CheckpointAsync() >= last, Convergence, $"checkpoint back at {last}");
    }

    /// <summary>kill -9: no graceful shutdown, no final checkpoint; the restart policy brings the worker back.</summary>
    private async Task KillWorkerAsync()
    {
        var before = await App.ProcessIdAsync("worker");
        using (var process = System.Diagnostics.Process.GetProcessById(before))
        {
            process.Kill();
        }

        await App.WaitForAsync("worker", e => AppResources.IsUp(e) && AppResources.ProcessId(e) is { } pid && pid != before, TimeSpan.FromSeconds(90));
    }
}
