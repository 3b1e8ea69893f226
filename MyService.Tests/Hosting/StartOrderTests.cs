using System.Collections.Concurrent;
using MyService.Hosting;
using MyService.Hosting.Orchestration;

namespace MyService.Tests.Hosting;

public sealed class StartOrderTests
{
    [Fact]
    public async Task A_dependant_starts_only_after_its_dependency_is_healthy_and_independents_do_not_wait()
    {
        await using var model = new TestAppModel();
        var backend = model.AddServer("backend");
        model.AddServer("frontend").WaitFor(backend);
        model.AddServer("independent");
        var events = new ConcurrentQueue<ResourceSnapshot>();
        var app = model.Builder.Build();
        using var watch = new CancellationTokenSource();
        var recorder = Task.Run(async () =>
        {
            try
            {
                await foreach (var s in app.ResourceNotifications.WatchAsync(watch.Token))
                {
                    events.Enqueue(s);
                }
            }
            catch (OperationCanceledException)
            {
                // The test has seen what it needs.
            }
        });
        await app.StartAsync().WithTimeout();

        await app.WaitForHealthyAsync("frontend");
        await app.WaitForHealthyAsync("independent");
        await watch.CancelAsync();
        await recorder.WithTimeout();
        await app.StopAsync().WithTimeout();
        await app.DisposeAsync();

        var timeline = events.ToList();
        var backendHealthy = timeline.FindIndex(s => s.Name == "backend" && s.IsUp);
        var frontendStarting = timeline.FindIndex(s => s.Name == "frontend" && s.State == KnownResourceStates.Starting);
        Assert.True(backendHealthy >= 0 && frontendStarting > backendHealthy, "frontend started before backend was healthy");
        Assert.Contains(timeline, s => s.Name == "frontend" && s.State == KnownResourceStates.Waiting && s.StateReason!.Contains("backend", StringComparison.Ordinal));
        Assert.DoesNotContain(timeline, s => s.Name == "independent" && s.State == KnownResourceStates.Waiting);
    }

    [Fact]
    public async Task A_wait_cycle_is_an_error_that_names_it()
    {
        await using var model = new TestAppModel();
        var a = model.AddShell("a", "sleep 30");
        var b = model.AddShell("b", "sleep 30").WaitFor(a);
        a.WaitFor(b);

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => model.StartAsync());

        Assert.Contains("a -> b -> a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dependency_that_fails_fails_its_dependants_with_the_reason()
    {
        await using var model = new TestAppModel();
        var broken = model.Builder.AddExecutable("broken", "no-such-command-here", ".");
        model.AddShell("dependant", "sleep 30").WaitFor(broken);
        var app = await model.StartAsync();

        var failed = await app.WaitForStateAsync("broken", KnownResourceStates.FailedToStart);
        var dependant = await app.WaitForStateAsync("dependant", KnownResourceStates.FailedToStart);

        Assert.Contains("no-such-command-here", failed.StateReason, StringComparison.Ordinal);
        Assert.Contains("broken", dependant.StateReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitForCompletion_starts_after_exit_0_and_fails_after_a_non_zero_exit()
    {
        await using var model = new TestAppModel();
        var migrate = model.AddShell("migrate", "echo migrated; exit 0");
        var bad = model.AddShell("bad-migrate", "exit 4");
        model.AddShell("after-good", "sleep 30").WaitForCompletion(migrate);
        model.AddShell("after-bad", "sleep 30").WaitForCompletion(bad);
        var app = await model.StartAsync();

        var finished = await app.WaitForStateAsync("migrate", KnownResourceStates.Finished);
        await app.WaitForStateAsync("after-good", KnownResourceStates.Running);
        var refused = await app.WaitForStateAsync("after-bad", KnownResourceStates.FailedToStart);

        Assert.Equal(0, finished.ExitCode);
        Assert.Contains("exit code 4", refused.StateReason, StringComparison.Ordinal);
    }
}
