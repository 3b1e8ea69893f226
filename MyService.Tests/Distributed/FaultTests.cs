using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using MyService.Tests.Api;
using Xunit.Abstractions;
using TempDirectory = MyService.Tests.TestSupport.TempDirectory;

namespace MyService.Tests.Distributed;

/// <summary>
/// The real AppHost, DynamoDB Local on its data folder as in a developer's run, processes killed with -9 while writes
/// go on: nothing stays down and nothing acknowledged is lost, with no hand on the dashboard.
/// </summary>
[Collection(TimedCollection.Name)]
public sealed class FaultTests(ITestOutputHelper output)
{
    /// <summary>The issue's bound: every resource Running and healthy again, the projection caught up.</summary>
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task During_writes_kill_9_of_dynamodb_the_worker_the_api_and_dynamodb_with_the_worker_each_heal_within_30_s_with_nothing_lost()
    {
        using var data = new TempDirectory();
        var app = await AppHostFixture.StartAsync(data.Path, dynamoDBInMemory: false);
        try
        {
            string[][] faults = [["dynamodb"], ["worker"], ["api"], ["dynamodb", "worker"]];
            await using (var writer = new AcknowledgedWriter(app.CreateHttpClient("api")))
            {
                foreach (var fault in faults)
                {
                    await writer.WaitForMoreAsync(5, Recovery);
                    var killed = await KillAsync(app, fault);
                    await EveryResourceBackAsync(app, killed.Pids, killed.Clock);
                    output.WriteLine($"kill -9 {string.Join(" + ", fault)}: every resource Running and healthy after {killed.Clock.Elapsed.TotalSeconds:0.0} s");
                    // Restarted by the policy, each counted on its resource.
                    foreach (var (name, restarts) in killed.RestartsBefore)
                    {
                        Assert.Equal(restarts + 1, AppResources.Restarts(await app.WaitForAsync(name, AppResources.IsUp)));
                    }

                    if (fault == faults[^1])
                    {
                        await writer.WaitForMoreAsync(5, Recovery - killed.Clock.Elapsed);
                        await writer.DisposeAsync();
                        await ProjectionEqualsTheApiAsync(app, writer, Recovery - killed.Clock.Elapsed);
                        output.WriteLine($"projection equal to the API's {writer.Acknowledged.Count} users ({writer.AcknowledgedWrites} acknowledged writes) {killed.Clock.Elapsed.TotalSeconds:0.0} s after the last kill");
                    }
                }
            }
        }
        finally
        {
            await app.StopAsync().WithTimeout(TimeSpan.FromSeconds(60));
            await app.DisposeAsync();
        }
    }

    private static async Task<(Dictionary<string, int> Pids, Dictionary<string, int> RestartsBefore, Stopwatch Clock)> KillAsync(DistributedApplication app, string[] names)
    {
        var pids = new Dictionary<string, int>();
        var restarts = new Dictionary<string, int>();
        foreach (var name in names)
        {
            var up = await app.WaitForAsync(name, e => AppResources.IsUp(e) && AppResources.ProcessId(e) is not null);
            pids[name] = AppResources.ProcessId(up)!.Value;
            restarts[name] = AppResources.Restarts(up);
        }

        var clock = Stopwatch.StartNew();
        foreach (var pid in pids.Values)
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
        }

        return (pids, restarts, clock);
    }

    /// <summary>The killed resources with new processes, then every resource (the tables included) Running and healthy, within the bound.</summary>
    private static async Task EveryResourceBackAsync(DistributedApplication app, Dictionary<string, int> killed, Stopwatch clock)
    {
        foreach (var (name, pid) in killed)
        {
            await BackAsync(app, name, e => AppResources.ProcessId(e) is { } now && now != pid, clock);
        }

        foreach (var name in AppHostFixture.Resources)
        {
            await BackAsync(app, name, _ => true, clock);
        }
    }

    private static async Task BackAsync(DistributedApplication app, string name, Func<ResourceEvent, bool> andThen, Stopwatch clock)
    {
        try
        {
            await app.WaitForAsync(name, e => AppResources.IsUp(e) && andThen(e), Left(clock));
        }
        catch (TimeoutException)
        {
            var now = await app.WaitForAsync(name, _ => true);
            throw new TimeoutException($"{name} is not back within {Recovery.TotalSeconds} s of the kill: {now.Snapshot.State?.Text}, {now.Snapshot.HealthStatus}, pid {AppResources.ProcessId(now)}");
        }
    }

    /// <summary>Every acknowledged write is in the API, and the projection holds exactly the API's users.</summary>
    private static async Task ProjectionEqualsTheApiAsync(DistributedApplication app, AcknowledgedWriter writer, TimeSpan timeout)
    {
        using var client = app.CreateHttpClient("api");
        client.Timeout = TestTimeouts.Default;
        using var projection = new ProjectionReader(app);
        var last = await FeedReading.LastSequenceAsync(client);
        long checkpoint = 0;
        try
        {
            await ProjectionReader.EventuallyAsync(async () => (checkpoint = await projection.CheckpointAsync()) >= last, timeout, "the worker's checkpoint at the feed's end");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}: {last}, and it is at {checkpoint}", ex);
        }

        var users = await AllUsersAsync(client);
        foreach (var (id, (version, name)) in writer.Acknowledged)
        {
            // A write that timed out may still have committed after the acknowledged one, never before it.
            Assert.True(users.TryGetValue(id, out var user), $"acknowledged user {id} is not in the API");
            Assert.True(user.Version >= version, $"user {id} is at version {user.Version}, below the acknowledged {version}");
            if (user.Version == version)
            {
                Assert.Equal(name, user.Name);
            }
        }

        foreach (var (id, user) in users)
        {
            var projected = await projection.FindAsync("user", id);
            Assert.True(projected is not null, $"user {id} is not in the projection");
            Assert.Equal(user.Version, projected.Value.Version);
            Assert.Equal(user.Name, JsonDocument.Parse(projected.Value.Payload!).RootElement.GetProperty("name").GetString());
        }
    }

    private static async Task<Dictionary<long, (long Version, string? Name)>> AllUsersAsync(HttpClient client)
    {
        var users = new Dictionary<long, (long, string?)>();
        string? cursor = null;
        do
        {
            using var response = await client.GetAsync($"/users?limit=1000{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}").WithTimeout();
            var page = await response.ReadJsonAsync();
            foreach (var user in page.GetProperty("items").EnumerateArray())
            {
                users[user.GetProperty("id").GetInt64()] = (user.GetProperty("version").GetInt64(), user.GetProperty("name").GetString());
            }

            cursor = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (cursor is not null);
        return users;
    }

    private static TimeSpan Left(Stopwatch clock) => Recovery - clock.Elapsed is { Ticks: > 0 } left
        ? left
        : throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"Not back within {Recovery.TotalSeconds} s of the kill"));
}
