using System.Collections.Immutable;
using System.ComponentModel;
using MyService.Hosting.ApplicationModel;

namespace MyService.Hosting.Orchestration;

/// <summary>
/// Runs one resource: waits for its dependencies, launches it, watches its health, restarts a crashed project with
/// capped backoff, and stops it on request. Every change is published as a new snapshot.
/// </summary>
internal sealed partial class ResourceController(
    IResource resource,
    IResourceLauncher launcher,
    Func<LaunchContext> contextFactory,
    ResourceNotificationService notifications,
    ResourceLoggerService logs,
    ProcessRegistry registry,
    DistributedApplicationOptions options,
    string? startupError,
    ILogger logger) : IDisposable
{
    private static readonly TimeSpan HealthPollWhileStarting = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan HealthPollWhenHealthy = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan HealthCheckTimeout = TimeSpan.FromSeconds(5);

    private readonly Lock _lock = new();
    private CancellationTokenSource? _runCts;
    private Task _run = Task.CompletedTask;
    private CancellationToken _appStopping;

    public IResource Resource => resource;

    private string Name => resource.Name;

    /// <summary>Starts the lifecycle unless it is already running.</summary>
    public void Start(CancellationToken appStopping)
    {
        lock (_lock)
        {
            if (!_run.IsCompleted)
            {
                return;
            }

            _appStopping = appStopping;
            _runCts?.Dispose();
            // Not linked to app shutdown: the orchestrator stops resources one by one, dependants first.
            _runCts = new CancellationTokenSource();
            var token = _runCts.Token;
            _run = Task.Run(() => RunAsync(token), CancellationToken.None);
        }
    }

    /// <summary>Stops the resource (SIGTERM, grace period, kill) and waits until it has.</summary>
    public async Task StopAsync()
    {
        Task run;
        lock (_lock)
        {
            run = _run;
            _runCts?.Cancel();
        }

        await run;
    }

    public async Task RestartAsync()
    {
        await StopAsync();
        Start(_appStopping);
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (startupError is not null)
            {
                Fail(startupError);
                return;
            }

            if (!await WaitForDependenciesAsync(cancellationToken))
            {
                return;
            }

            await LaunchLoopAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Publish(s => KnownResourceStates.IsTerminal(s.State) ? s : s with { State = KnownResourceStates.Exited, StateReason = "Stopped before it started.", Health = HealthStatus.Unknown });
        }
    }

    private async Task<bool> WaitForDependenciesAsync(CancellationToken cancellationToken)
    {
        var waits = DependencyGraph.DependenciesOf(resource);
        if (waits.Count == 0)
        {
            return true;
        }

        Publish(s => s with { State = KnownResourceStates.Waiting, StateReason = $"Waiting for {string.Join(", ", waits.Select(w => w.Resource.Name))}." });
        foreach (var wait in waits)
        {
            var dependency = await notifications.WaitForResourceAsync(wait.Resource.Name, s => IsSettled(s, wait.WaitType), cancellationToken);
            var failure = wait.WaitType switch
            {
                WaitType.WaitUntilHealthy when !dependency.IsUp => $"dependency '{dependency.Name}' is {dependency.State}: {dependency.StateReason}",
                WaitType.WaitUntilCompleted when dependency.ExitCode != 0 => $"dependency '{dependency.Name}' did not complete successfully (exit code {dependency.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}): {dependency.StateReason}",
                _ => null,
            };
            if (failure is not null)
            {
                Fail($"Not started: {failure}");
                return false;
            }
        }

        return true;
    }

    private static bool IsSettled(ResourceSnapshot s, WaitType type) => type == WaitType.WaitUntilHealthy
        ? s.IsUp || KnownResourceStates.IsTerminal(s.State)
        : s.State is KnownResourceStates.Finished or KnownResourceStates.Exited or KnownResourceStates.FailedToStart;

    private async Task LaunchLoopAsync(CancellationToken cancellationToken)
    {
        var fastCrashes = 0;
        while (true)
        {
            Publish(s => s with { State = KnownResourceStates.Starting, Health = HealthStatus.Unknown, StateReason = s.RestartCount > 0 ? s.StateReason : null });
            LaunchPlan plan;
            try
            {
                plan = await launcher.PlanAsync(resource, contextFactory(), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Fail(ex.Message);
                return;
            }

            if (plan.Process is null)
            {
                await RunWithoutProcessAsync(plan, cancellationToken);
                return;
            }

            var outcome = await RunProcessAsync(plan, cancellationToken);
            if (outcome is not { } exit)
            {
                return;
            }

            fastCrashes = exit.RanFor < options.RestartPolicy.FastCrashWindow ? fastCrashes + 1 : 1;
            if (fastCrashes >= options.RestartPolicy.MaxFastCrashes)
            {
                Fail($"Exited {fastCrashes} times in a row, each within {options.RestartPolicy.FastCrashWindow.TotalSeconds:0} s of starting (last exit code {exit.Code}); not restarting again.");
                return;
            }

            var delay = options.RestartPolicy.DelayFor(fastCrashes);
            LogRestarting(logger, Name, exit.Code, delay.TotalSeconds);
            Publish(s => s with { State = KnownResourceStates.Starting, StateReason = $"Exited with code {exit.Code}; restarting in {delay.TotalSeconds:0.#} s.", ProcessId = null });
            await Task.Delay(delay, cancellationToken);
            Publish(s => s with { RestartCount = s.RestartCount + 1 });
        }
    }

    /// <summary>Runs the process until it exits or is stopped; returns the exit to restart after, or null when done.</summary>
    private async Task<(int Code, TimeSpan RanFor)?> RunProcessAsync(LaunchPlan plan, CancellationToken cancellationToken)
    {
        RunningProcess process;
        try
        {
            process = RunningProcess.Start(plan.Process!, (line, isError) => logs.Write(Name, line, isError));
        }
        catch (Win32Exception ex)
        {
            Fail($"Could not start '{plan.Process!.FileName}': {ex.Message}");
            return null;
        }

        registry.Add(Name, process.Pid);
        Publish(s => s with
        {
            State = KnownResourceStates.Running,
            StateReason = null,
            ProcessId = process.Pid,
            StartTime = process.StartTime,
            StopTime = null,
            ExitCode = null,
            Environment = EnvironmentResolver.Masked(resource, plan.DisplayEnvironment ?? ImmutableDictionary<string, string>.Empty).ToImmutableDictionary(),
        });

        using var healthCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var health = MonitorHealthAsync(plan, healthCts.Token);
        await ((Task)process.Exited).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        var stopped = !process.Exited.IsCompleted;
        if (stopped)
        {
            Publish(s => s with { State = KnownResourceStates.Stopping, StateReason = null });
            await process.StopAsync(options.StopGracePeriod);
        }

        var code = await process.Exited;
        registry.Remove(process.Pid);
        await healthCts.CancelAsync();
        await health.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        var ranFor = DateTimeOffset.UtcNow - process.StartTime;
        if (stopped || !plan.RestartOnUnexpectedExit || cancellationToken.IsCancellationRequested || _appStopping.IsCancellationRequested)
        {
            var state = code == 0 && !stopped ? KnownResourceStates.Finished : KnownResourceStates.Exited;
            var reason = stopped ? "Stopped." : $"Exited with code {code}.";
            Publish(s => s with { State = state, StateReason = reason, ExitCode = code, StopTime = DateTimeOffset.UtcNow, ProcessId = null, Health = HealthStatus.Unknown });
            return null;
        }

        logs.Write(Name, $"[apphost] process {process.Pid} exited unexpectedly with code {code} after {ranFor.TotalSeconds:0.0} s", isError: true);
        Publish(s => s with { ExitCode = code, ProcessId = null, Health = HealthStatus.Unknown });
        return (code, ranFor);
    }

    private async Task RunWithoutProcessAsync(LaunchPlan plan, CancellationToken cancellationToken)
    {
        IAsyncDisposable? inProcess = null;
        if (plan.StartInProcess is not null)
        {
            try
            {
                inProcess = await plan.StartInProcess(cancellationToken);
            }
            catch (IOException ex)
            {
                // Kestrel reports a port it cannot bind as an IOException.
                Fail(ex.Message);
                return;
            }
        }

        Publish(s => s with { State = KnownResourceStates.Running, StateReason = null, StartTime = DateTimeOffset.UtcNow, StopTime = null });
        await MonitorHealthAsync(plan, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (inProcess is not null)
        {
            Publish(s => s with { State = KnownResourceStates.Stopping });
            await inProcess.DisposeAsync();
        }

        Publish(s => s with { State = KnownResourceStates.Exited, StateReason = "Stopped.", StopTime = DateTimeOffset.UtcNow, Health = HealthStatus.Unknown });
    }

    /// <summary>Polls the probe (fast until the first success, then every 5 s); <see cref="LaunchPlan.WhenReady"/> runs once before Healthy.</summary>
    private async Task MonitorHealthAsync(LaunchPlan plan, CancellationToken cancellationToken)
    {
        var ready = plan.WhenReady is null;
        var last = HealthStatus.Unknown;
        while (!cancellationToken.IsCancellationRequested)
        {
            var report = plan.Health is null
                ? new HealthReport(DateTimeOffset.UtcNow, HealthStatus.Healthy, "Running.")
                : await CheckAsync(plan.Health, cancellationToken);
            if (report.Status == HealthStatus.Healthy && !ready)
            {
                report = await RunWhenReadyAsync(plan, cancellationToken) ?? report;
                ready = report.Status == HealthStatus.Healthy;
            }

            if (report.Status != last)
            {
                last = report.Status;
                Publish(s => s with
                {
                    Health = report.Status,
                    StateReason = report.Status == HealthStatus.Healthy ? null : report.Description,
                    HealthReports = [.. s.HealthReports.TakeLast(9), report],
                });
            }

            if (plan.Health is null && ready)
            {
                return;
            }

            await Task.Delay(last == HealthStatus.Healthy ? HealthPollWhenHealthy : HealthPollWhileStarting, cancellationToken);
        }
    }

    private static async Task<HealthReport> CheckAsync(IHealthProbe probe, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(HealthCheckTimeout);
        return await probe.CheckAsync(timeout.Token);
    }

    private async Task<HealthReport?> RunWhenReadyAsync(LaunchPlan plan, CancellationToken cancellationToken)
    {
        try
        {
            await plan.WhenReady!(cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logs.Write(Name, $"[apphost] {ex.Message}", isError: true);
            return new HealthReport(DateTimeOffset.UtcNow, HealthStatus.Unhealthy, ex.Message);
        }
    }

    private void Fail(string reason)
    {
        LogFailed(logger, Name, reason);
        logs.Write(Name, $"[apphost] {reason}", isError: true);
        Publish(s => s with { State = KnownResourceStates.FailedToStart, StateReason = reason, Health = HealthStatus.Unknown, ProcessId = null });
    }

    private void Publish(Func<ResourceSnapshot, ResourceSnapshot> update) => notifications.Publish(Name, update);

    public void Dispose()
    {
        lock (_lock)
        {
            _runCts?.Dispose();
            _runCts = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resource {Resource} exited with code {ExitCode}; restarting in {Seconds} s")]
    private static partial void LogRestarting(ILogger logger, string resource, int exitCode, double seconds);

    // Information: the console reporter already shows failures to the person at the terminal.
    [LoggerMessage(Level = LogLevel.Information, Message = "Resource {Resource} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string resource, string reason);
}
