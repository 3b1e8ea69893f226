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

        var dcp = DcpAncestorsOf(processes["dynamodb"]);
        Assert.NotEmpty(dcp);

        await app.StopAsync().WithTimeout(TimeSpan.FromSeconds(60));
        await app.DisposeAsync();

        Assert.All(processes, p => Assert.False(AppResources.IsAlive(p.Value), $"{p.Key} (pid {p.Value}) outlived the app"));
        await ProjectionReader.EventuallyAsync(() => Task.FromResult(!dcp.Any(AppResources.IsAlive)), TimeSpan.FromSeconds(20), "DCP has exited");
        // SIGTERM reached the services (not a kill after a grace period): SQLite closed its WAL on the way out.
        Assert.False(File.Exists(Path.Combine(data.Path, "db", "myservice.db-wal")), "the API did not close SQLite");
    }

    /// <summary>The DCP processes above <paramref name="pid"/> (run-controllers, start-apiserver): this app's orchestrator.</summary>
    private static List<int> DcpAncestorsOf(int pid)
    {
        var ancestors = new List<int>();
        for (var current = ParentOf(pid); current is > 1; current = ParentOf(current.Value))
        {
            if (TryRead($"/proc/{current}/cmdline") is { } commandLine && commandLine.Contains("/dcp\0", StringComparison.Ordinal))
            {
                ancestors.Add(current.Value);
            }
        }

        return ancestors;
    }

    /// <summary>The fourth field of /proc/{pid}/stat, after the parenthesised command name.</summary>
    private static int? ParentOf(int pid) =>
        TryRead($"/proc/{pid}/stat") is { } stat && int.TryParse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], out var parent) ? parent : null;

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
