using MyService.Hosting.ApplicationModel;

namespace MyService.Hosting.Orchestration;

/// <summary>
/// How one resource runs: a process, or something run inside the AppHost (<see cref="StartInProcess"/>), or nothing
/// (resources that are only values or files); how to tell it is
/// healthy, work to finish before it counts as healthy (creating tables), and whether a crash restarts it.
/// </summary>
internal sealed record LaunchPlan(
    ProcessSpec? Process,
    IHealthProbe? Health = null,
    Func<CancellationToken, Task>? WhenReady = null,
    bool RestartOnUnexpectedExit = false,
    IReadOnlyDictionary<string, string>? DisplayEnvironment = null,
    Func<CancellationToken, Task<IAsyncDisposable>>? StartInProcess = null);

/// <summary>Plans the launch of the resource kinds it handles. One per kind; the orchestrator picks by <see cref="Handles"/>.</summary>
internal interface IResourceLauncher
{
    string ResourceType { get; }

    bool Handles(IResource resource);

    Task<LaunchPlan> PlanAsync(IResource resource, LaunchContext context, CancellationToken cancellationToken);
}

/// <summary>What a launcher may use: run-time values, the environment builder, the resource's own log.</summary>
internal sealed class LaunchContext(ResourceRunContext run, EnvironmentResolver environment, Action<string> log, Action<string> progress)
{
    public ResourceRunContext Run { get; } = run;

    public EnvironmentResolver Environment { get; } = environment;

    /// <summary>Writes a line to the resource's console log (e.g. install progress).</summary>
    public void Log(string line) => log(line);

    /// <summary>A step worth showing while the resource starts (the console prints it): logged and set as the state reason.</summary>
    public void Progress(string message)
    {
        log(message);
        progress(message);
    }
}
