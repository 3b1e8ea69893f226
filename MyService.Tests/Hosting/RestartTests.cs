using MyService.Hosting;
using MyService.Hosting.ApplicationModel;
using MyService.Hosting.Orchestration;

namespace MyService.Tests.Hosting;

public sealed class RestartTests
{
    /// <summary>A "project" that exits at once: the test assembly's generated entry point returns immediately.</summary>
    private sealed class CrashingProject : IProjectMetadata
    {
        public string ProjectPath => Path.Combine(AppContext.BaseDirectory, "crashing.csproj");

        public string TargetPath => typeof(CrashingProject).Assembly.Location;
    }

    [Fact]
    public async Task Repeated_fast_crashes_are_restarted_with_backoff_then_end_in_FailedToStart()
    {
        await using var model = new TestAppModel();
        model.Builder.AddResource(new ProjectResource("crasher", new CrashingProject()));
        var app = await model.StartAsync();

        var failed = await app.WaitForStateAsync("crasher", KnownResourceStates.FailedToStart);

        Assert.Equal(model.Options.RestartPolicy.MaxFastCrashes - 1, failed.RestartCount);
        Assert.Contains("not restarting again", failed.StateReason, StringComparison.Ordinal);
        Assert.NotNull(failed.ExitCode);
    }

    [Fact]
    public void Backoff_doubles_and_is_capped()
    {
        var policy = new RestartPolicy { InitialDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(5) };

        Assert.Equal([1, 2, 4, 5, 5], Enumerable.Range(1, 5).Select(n => policy.DelayFor(n).TotalSeconds));
    }

    [Fact]
    public async Task An_executable_that_exits_is_not_restarted()
    {
        await using var model = new TestAppModel();
        model.AddShell("once", "exit 2");
        var app = await model.StartAsync();

        var exited = await app.WaitForStateAsync("once", KnownResourceStates.Exited);

        Assert.Equal(2, exited.ExitCode);
        Assert.Equal(0, exited.RestartCount);
    }
}
