namespace MyService.Tests.Distributed;

/// <summary>Its own app (not the shared fixture), since it asserts what is left once the app has stopped.</summary>
[Collection(AppHostCollection.Name)]
public sealed class AppHostShutdownTests
{
    [Fact]
    public async Task Stopping_the_app_ends_every_process_it_started_and_the_services_exit_cleanly()
    {
        using var data = new TempDirectory();
        var app = await AppHostFixture.StartAsync(data.Path);
        var processes = new Dictionary<string, int>();
        foreach (var name in new[] { "api", "worker", "dynamodb" })
        {
            processes[name] = await app.ProcessIdAsync(name);
        }

        var dcp = ProcessTree.DcpAncestorsOf(processes["dynamodb"]);
        Assert.NotEmpty(dcp);

        await app.StopAsync().WithTimeout(TimeSpan.FromSeconds(60));
        await app.DisposeAsync();

        Assert.All(processes, p => Assert.False(AppResources.IsAlive(p.Value), $"{p.Key} (pid {p.Value}) outlived the app"));
        await ProjectionReader.EventuallyAsync(() => Task.FromResult(!dcp.Any(ProcessTree.IsRunning)), TimeSpan.FromSeconds(20), "DCP has exited");
        // SIGTERM reached the services (not a kill after a grace period): SQLite closed its WAL on the way out.
        Assert.False(File.Exists(Path.Combine(data.Path, "db", "myservice.db-wal")), "the API did not close SQLite");
    }
}
