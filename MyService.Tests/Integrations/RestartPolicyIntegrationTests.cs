using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace MyService.Tests.Integrations;

/// <summary><c>WithRestartPolicy</c> through the real Aspire model: real processes under DCP that crash, are killed or are stopped.</summary>
[Collection(IntegrationApp.SecondCollection)]
public sealed class RestartPolicyIntegrationTests
{
    /// <summary>How long a restart that must not happen is given to happen anyway: many times the policy's delay.</summary>
    private static readonly TimeSpan NoRestartWithin = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan QuickRestart = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task ACrashLoop_IsRestartedWithGrowingDelays_ThenLeftFailedToStartWithItsLastLines()
    {
        await using var app = IntegrationApp.Create();
        var policy = new Hosting.Restarts.RestartPolicy();
        app.AddProcess("crasher", "echo \"crash-marker $$\"; exit 1").WithRestartPolicy(p =>
        {
            p.InitialDelay = TimeSpan.FromMilliseconds(300);
            p.MaxDelay = TimeSpan.FromSeconds(5);
            p.MaxFastCrashes = 4;
            p.StableAfter = TimeSpan.FromMinutes(5);
            policy = p;
        });
        await app.StartAsync();

        var failed = await app.WaitForStateAsync("crasher", KnownResourceStates.FailedToStart);
        Assert.Equal(3, IntegrationApp.NumberProperty(failed, "restarts"));

        // Each crash is followed, after the policy's delay, by a start: 0.3 s, 0.6 s, 1.2 s.
        var timeline = app.TimelineOf("crasher");
        Assert.Equal([1, 2, 3], timeline.Select(e => IntegrationApp.NumberProperty(e.Event, "restarts")).OfType<long>().Distinct());
        var gaps = RestartGaps(timeline);
        Assert.Equal(3, gaps.Count);
        for (var i = 0; i < gaps.Count; i++)
        {
            // Less a little for the events reaching the test at slightly different lags.
            Assert.True(gaps[i] >= policy.DelayFor(i + 1) - TimeSpan.FromMilliseconds(100), $"restart {i + 1} came {gaps[i].TotalSeconds:0.00} s after the crash; timeline: "
                + string.Join(", ", timeline.Select(e => $"{e.At.TotalSeconds:0.000} {e.Event.Snapshot.State?.Text} r={IntegrationApp.NumberProperty(e.Event, "restarts")} pid={IntegrationApp.Pid(e.Event)}")));
        }

        Assert.True(gaps[2] > gaps[0], $"the delays did not grow: {string.Join(", ", gaps.Select(g => g.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)))} s");

        var logs = await app.LogsAsync("crasher");
        Assert.Contains(logs, line => line.Contains("restart 1 in 0.3 s", StringComparison.Ordinal));
        Assert.Contains(logs, line => line.Contains("restart 3 in 1.2 s", StringComparison.Ordinal));
        var gaveUp = Assert.Single(logs, line => line.Contains("crashed 4 times in a row", StringComparison.Ordinal));
        var lastLines = gaveUp[gaveUp.IndexOf("Its last lines:", StringComparison.Ordinal)..];
        Assert.Contains("crash-marker", lastLines, StringComparison.Ordinal);
        Assert.DoesNotContain("exited unexpectedly", lastLines, StringComparison.Ordinal);

        // Left as it is: nothing (DCP's last word on the process included) moves it off FailedToStart.
        await Assert.ThrowsAsync<TimeoutException>(() => app.WaitForAsync(
            "crasher", e => e.Snapshot.State?.Text != KnownResourceStates.FailedToStart, "moved off FailedToStart", NoRestartWithin));
    }

    [Fact]
    public async Task AProcessKilledWithSigkill_IsRestarted()
    {
        await using var app = IntegrationApp.Create();
        var pid = await StartSleeperAsync(app, QuickRestart);

        Process.GetProcessById(pid).Kill();

        var again = await app.WaitForAsync("sleeper", e => IsRunning(e) && IntegrationApp.Pid(e) != pid, "running again");
        Assert.Equal(1, IntegrationApp.NumberProperty(again, "restarts"));
        Assert.Contains(await app.LogsAsync("sleeper"), line => line.Contains("exited unexpectedly", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStopThroughTheStopCommand_IsNotRestarted_ButAStartedProcessIsWatchedAgain()
    {
        await using var app = IntegrationApp.Create();
        var pid = await StartSleeperAsync(app, QuickRestart);

        await app.ExecuteCommandAsync("sleeper", KnownResourceCommands.StopCommand);
        await app.WaitForAsync("sleeper", e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), "stopped");
        await Assert.ThrowsAsync<TimeoutException>(() => app.WaitForAsync("sleeper", e => IsRunning(e) && IntegrationApp.Pid(e) != pid, "restarted", NoRestartWithin));
        Assert.DoesNotContain(await app.LogsAsync("sleeper"), line => line.Contains("exited unexpectedly", StringComparison.Ordinal));

        // Started again by hand, it is supervised again: a crash now is restarted.
        await app.ExecuteCommandAsync("sleeper", KnownResourceCommands.StartCommand);
        var startedPid = IntegrationApp.Pid(await app.WaitForAsync("sleeper", e => IsRunning(e) && IntegrationApp.Pid(e) != pid, "started")) ?? 0;
        Process.GetProcessById(startedPid).Kill();
        var restarted = await app.WaitForAsync("sleeper", e => IsRunning(e) && IntegrationApp.Pid(e) is { } p && p != pid && p != startedPid, "restarted after the kill");
        Assert.Equal(1, IntegrationApp.NumberProperty(restarted, "restarts"));
    }

    [Fact]
    public async Task TheRestartCommand_StartsItOnce_AndIsNotCountedAsACrash()
    {
        await using var app = IntegrationApp.Create();
        var pid = await StartSleeperAsync(app, QuickRestart);

        await app.ExecuteCommandAsync("sleeper", KnownResourceCommands.RestartCommand);
        var restarted = await app.WaitForAsync("sleeper", e => IsRunning(e) && IntegrationApp.Pid(e) != pid, "restarted");
        var newPid = IntegrationApp.Pid(restarted);

        await Assert.ThrowsAsync<TimeoutException>(() => app.WaitForAsync("sleeper", e => IntegrationApp.Pid(e) is { } p && p != pid && p != newPid, "started a third time", NoRestartWithin));
        Assert.Null(IntegrationApp.Property(await app.CurrentAsync("sleeper"), "restarts"));
        Assert.DoesNotContain(await app.LogsAsync("sleeper"), line => line.Contains("exited unexpectedly", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NothingIsRestartedWhileTheAppStops()
    {
        await using var app = IntegrationApp.Create();
        var pid = await StartSleeperAsync(app, TimeSpan.FromMilliseconds(10));

        await app.StopAsync();

        var timeline = app.TimelineOf("sleeper");
        Assert.DoesNotContain(timeline, e => IntegrationApp.Property(e.Event, "restarts") is not null);
        Assert.Equal([pid], timeline.Select(e => IntegrationApp.Pid(e.Event)).OfType<int>().Where(p => p != 0).Distinct());
        Assert.False(Directory.Exists($"/proc/{pid}"), $"process {pid} outlived the app");
    }

    [Fact]
    public async Task ARestartWhileWhatItWaitsForIsDown_ShowsWaitingForIt_CountsNoCrash_AndStartsOnceItIsBack()
    {
        await using var app = IntegrationApp.Create();
        // No dashboard here, so Aspire's own wait gives up on a dependency that is down (StopOnResourceUnavailable):
        // the restart must wait anyway, however many of the policy's delays pass meanwhile.
        var dependency = app.AddProcess("dependency");
        app.AddProcess("service").WaitFor(dependency).WithRestartPolicy(p =>
        {
            p.InitialDelay = QuickRestart;
            p.MaxFastCrashes = 2;
        });
        await app.StartAsync();
        var pid = IntegrationApp.Pid(await app.WaitForAsync("service", IsRunning, "running")) ?? 0;
        await app.ExecuteCommandAsync("dependency", KnownResourceCommands.StopCommand);
        await app.WaitForAsync("dependency", e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), "stopped");

        Process.GetProcessById(pid).Kill();

        var waiting = await app.WaitForAsync("service", e => e.Snapshot.State?.Text == KnownResourceStates.Waiting, "waiting for its dependency");
        Assert.Equal([(await app.CurrentAsync("dependency")).ResourceId], IntegrationApp.Property(waiting, Hosting.Shared.AspireInternals.WaitingForProperty) as IEnumerable<string>);
        // Still waiting after many times the policy's delay: a wait is not a crash, and never ends in FailedToStart.
        await Assert.ThrowsAsync<TimeoutException>(() => app.WaitForAsync(
            "service", e => e.Snapshot.State?.Text != KnownResourceStates.Waiting, "moved off Waiting", NoRestartWithin));

        await app.ExecuteCommandAsync("dependency", KnownResourceCommands.StartCommand);

        var restarted = await app.WaitForAsync("service", e => IsRunning(e) && IntegrationApp.Pid(e) != pid, "restarted once the dependency is back");
        Assert.Equal(1, IntegrationApp.NumberProperty(restarted, "restarts"));
        Assert.Contains(await app.LogsAsync("service"), line => line.Contains("restarts once dependency is back", StringComparison.Ordinal));
    }

    private static bool IsRunning(ResourceEvent e) => e.Snapshot.State?.Text == KnownResourceStates.Running && IntegrationApp.Pid(e) is > 0;

    /// <summary>Starts the app with a supervised <c>sleep 300</c> named sleeper; returns its pid once it runs.</summary>
    private static async Task<int> StartSleeperAsync(IntegrationApp app, TimeSpan initialDelay)
    {
        app.AddProcess("sleeper").WithRestartPolicy(p => p.InitialDelay = initialDelay);
        await app.StartAsync();
        return IntegrationApp.Pid(await app.WaitForAsync("sleeper", IsRunning, "running")) ?? 0;
    }

    /// <summary>For each crash (a terminal snapshot after a run), the time until the next start began.</summary>
    /// <summary>
    /// From each crash (the first terminal state after the restart before it) to the restart that follows it (the
    /// supervisor counts it on the resource just before it starts it): the policy's delay as the supervisor kept it,
    /// whatever snapshots DCP publishes in between (it does not always publish Starting, and may repeat a state).
    /// </summary>
    private static List<TimeSpan> RestartGaps(IReadOnlyList<(TimeSpan At, ResourceEvent Event)> timeline)
    {
        var gaps = new List<TimeSpan>();
        var after = TimeSpan.Zero;
        for (var restart = 1; timeline.FirstOrDefault(e => IntegrationApp.NumberProperty(e.Event, "restarts") == restart) is { Event: not null } counted; restart++)
        {
            var crash = timeline.First(e => e.At >= after && e.At <= counted.At
                && (e.Event.Snapshot.State?.Text == KnownResourceStates.Finished || e.Event.Snapshot.State?.Text == KnownResourceStates.Exited));
            gaps.Add(counted.At - crash.At);
            after = counted.At;
        }

        return gaps;
    }
}
