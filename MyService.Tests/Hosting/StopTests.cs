using System.Diagnostics;
using MyService.Hosting.Orchestration;
using MyService.Tests.TestSupport;

namespace MyService.Tests.Hosting;

public sealed class StopTests
{
    [Fact]
    public async Task Stopping_the_app_stops_dependants_first_and_leaves_no_process()
    {
        await using var model = new TestAppModel();
        var backend = model.AddServer("backend");
        model.AddServer("frontend").WaitFor(backend);
        model.AddServer("stubborn", ("IGNORE_SIGTERM", "1"));
        var app = await model.StartAsync();
        var pids = new List<int>();
        foreach (var name in new[] { "backend", "frontend", "stubborn" })
        {
            pids.Add((await app.WaitForHealthyAsync(name)).ProcessId!.Value);
        }

        await app.StopAsync().WithTimeout();

        var backendStop = app.ResourceNotifications.Get("backend")!.StopTime;
        var frontendStop = app.ResourceNotifications.Get("frontend")!.StopTime;
        Assert.True(frontendStop <= backendStop, "frontend should stop before the backend it depends on");
        Assert.All(pids, pid => Assert.False(AppWaits.IsAlive(pid), $"process {pid} outlived the app"));
        Assert.Contains(app.ResourceLogs.GetLines("backend"), l => l.Content == "stopping on SIGTERM");
        Assert.Contains(app.ResourceLogs.GetLines("stubborn"), l => l.Content == "ignoring SIGTERM");
    }

    [Fact]
    public async Task Processes_left_by_a_killed_apphost_are_ended_by_the_next_run()
    {
        await using var model = new TestAppModel();
        using var leftover = Process.Start(new ProcessStartInfo("sleep", "300") { UseShellExecute = false })!;
        // What a previous AppHost on the same data directory would have recorded before being killed with -9.
        var registry = new ProcessRegistry(model.Options, Microsoft.Extensions.Logging.Abstractions.NullLogger<ProcessRegistry>.Instance);
        registry.Add("api", leftover.Id);
        model.AddShell("fresh", "sleep 30");

        await model.StartAsync();

        Assert.True(leftover.WaitForExit(TimeSpan.FromSeconds(10)), "the orphan from the earlier run is still running");
    }

    [Fact]
    public async Task A_second_apphost_on_a_data_directory_in_use_is_refused_and_ends_nothing()
    {
        await using var model = new TestAppModel();
        // Another live AppHost (here a stand-in process) that wrote the registry and started a process.
        using var otherAppHost = Process.Start(new ProcessStartInfo("sleep", "300") { UseShellExecute = false })!;
        using var itsProcess = Process.Start(new ProcessStartInfo("sleep", "300") { UseShellExecute = false })!;
        var registry = Path.Combine(model.Options.DataDirectory, ".apphost", "processes.json");
        Directory.CreateDirectory(Path.GetDirectoryName(registry)!);
        File.WriteAllText(registry, System.Text.Json.JsonSerializer.Serialize(new
        {
            Owner = new { Pid = otherAppHost.Id, StartTicks = AppWaits.StartTicks(otherAppHost.Id), Resource = "apphost" },
            Processes = new[] { new { Pid = itsProcess.Id, StartTicks = AppWaits.StartTicks(itsProcess.Id), Resource = "api" } },
        }));
        model.AddShell("fresh", "sleep 30");

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(model.StartAsync);

        Assert.Contains($"Another AppHost (process {otherAppHost.Id}", error.Message, StringComparison.Ordinal);
        Assert.Contains("--AppHost:DataDirectory=", error.Message, StringComparison.Ordinal);
        Assert.False(itsProcess.HasExited, "a live AppHost's process was ended as if it were an orphan");
        otherAppHost.Kill();
        itsProcess.Kill();
    }
}
