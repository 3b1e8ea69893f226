using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using MyService.Hosting.Shared;

namespace MyService.Hosting.Restarts;

/// <summary>
/// Restarts resources with a <see cref="RestartPolicyAnnotation"/> when they exit on their own. A stop someone asked
/// for (the dashboard's stop or restart, the AppHost shutting down) is told apart by the lifecycle commands, which
/// are wrapped to record that intent before they run.
/// </summary>
internal sealed partial class RestartSupervisor(
    ResourceCommandService commands,
    ResourceNotificationService notifications,
    ResourceLoggerService logs,
    IHostApplicationLifetime lifetime,
    TimeProvider clock)
{
    private const int LastLines = 10;
    private readonly ConcurrentDictionary<string, RestartState> _states = new(StringComparer.Ordinal);
    private readonly RestartDependencies _dependencies = new(notifications);

    /// <summary>
    /// Wraps stop, restart and start of <paramref name="resource"/> so a requested stop is known as one, once, before
    /// its first start: Aspire adds these commands when DCP prepares the resource, after BeforeStartEvent
    /// (<see cref="AspireInternals.LifecycleCommands"/>).
    /// </summary>
    public void WatchCommands(IResource resource)
    {
        var state = _states.GetOrAdd(resource.Name, _ => new RestartState(clock.GetUtcNow()));
        if (!state.TryMarkCommandsWrapped())
        {
            return;
        }

        var stop = CommandInterception.Wrap(resource, KnownResourceCommands.StopCommand, context =>
        {
            state.StopRequested = true;
            return CancelRestartAsync(resource, context.ResourceName, state);
        });
        CommandInterception.Wrap(resource, KnownResourceCommands.RestartCommand, context =>
        {
            // A restart someone asked for: a fresh run (the crash count cleared), and its stop is not a crash.
            state.Reset(clock.GetUtcNow());
            state.StopRequested = true;
            return CancelRestartAsync(resource, context.ResourceName, state);
        });
        CommandInterception.Wrap(resource, KnownResourceCommands.StartCommand, context =>
        {
            if (state.StartingBySupervisor)
            {
                return Task.CompletedTask;
            }

            // Started by hand (say while a restart waits for a dependency): that start replaces the restart.
            state.Reset(clock.GetUtcNow());
            return CancelRestartAsync(resource, context.ResourceName, state);
        });
        if (!stop)
        {
            LogNoStopCommand(logs.GetLogger(resource), resource.Name);
        }
    }

    public async Task OnStoppedAsync(IResource resource, ResourceEvent stopped, CancellationToken cancellationToken)
    {
        var state = _states.GetOrAdd(resource.Name, _ => new RestartState(clock.GetUtcNow()));
        var policy = resource.Annotations.OfType<RestartPolicyAnnotation>().Last().Policy;
        if (lifetime.ApplicationStopping.IsCancellationRequested || state.StopRequested)
        {
            state.StopRequested = false;
            return;
        }

        await CrashedAsync(resource, stopped.ResourceId, state, policy, stopped.Snapshot.ExitCode, cancellationToken);
    }

    /// <summary>Counts a crash (or a restart that could not start), then restarts after the backoff or gives up.</summary>
    private async Task CrashedAsync(IResource resource, string resourceId, RestartState state, RestartPolicy policy, int? exitCode, CancellationToken cancellationToken)
    {
        var log = logs.GetLogger(resource);
        var crashes = state.RecordCrash(clock.GetUtcNow(), policy.StableAfter);
        if (crashes >= policy.MaxFastCrashes)
        {
            var lines = await LastLinesAsync(resource, cancellationToken);
            LogGaveUp(log, resource.Name, crashes, exitCode, lines);
            await notifications.PublishUpdateAsync(resource, resourceId, s => s with
            {
                State = new ResourceStateSnapshot(KnownResourceStates.FailedToStart, KnownResourceStateStyles.Error),
            });
            return;
        }

        var delay = policy.DelayFor(crashes);
        LogRestarting(log, resource.Name, exitCode, delay.TotalSeconds, state.Restarts + 1);
        _ = RestartAfterAsync(resource, resourceId, state, policy, delay);
    }

    private async Task RestartAfterAsync(IResource resource, string resourceId, RestartState state, RestartPolicy policy, TimeSpan delay)
    {
        using var restart = state.BeginRestart(lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(delay, clock, restart.Token);
            // What it waits for (WaitFor) first, visibly and for as long as that is down: a service restarted into a
            // dependency that is itself restarting would otherwise fail its start, or wait inside it.
            await _dependencies.WaitAsync(resource, resourceId, state, logs.GetLogger(resource), restart.Token);
            await _dependencies.LeaveWaitingAsync(resource, resourceId, state);
            if (state.StopRequested)
            {
                return;
            }

            state.Restarts++;
            state.LastStart = clock.GetUtcNow();
            await notifications.PublishUpdateAsync(resource, resourceId, s => s with
            {
                Properties = ResourcePropertyExtensions.With(s.Properties, ("restarts", state.Restarts)),
            });
            // Through the start command, as the dashboard's Start button does, flagged so the crash count is kept.
            ExecuteCommandResult result;
            state.StartingBySupervisor = true;
            try
            {
                result = await commands.ExecuteCommandAsync(resourceId, KnownResourceCommands.StartCommand, lifetime.ApplicationStopping);
            }
            finally
            {
                state.StartingBySupervisor = false;
            }

            if (!result.Success)
            {
                // Not started (a dependency went down again inside the start, say): another crash, tried again after the next delay.
                LogRestartFailed(logs.GetLogger(resource), resource.Name, result.Message);
                await CrashedAsync(resource, resourceId, state, policy, exitCode: null, lifetime.ApplicationStopping);
            }
        }
        catch (OperationCanceledException) when (restart.IsCancellationRequested)
        {
            // The AppHost is stopping, or someone stopped, started or restarted the resource meanwhile: not restarted here.
        }
        catch (Exception ex) when (ex is InvalidOperationException or DistributedApplicationException or ObjectDisposedException)
        {
            // Detached from the event that started it: said here, or nobody would know the restart did not happen.
            LogRestartError(logs.GetLogger(resource), resource.Name, ex);
        }
        finally
        {
            state.EndRestart(restart);
        }
    }

    /// <summary>A restart still to come is not made, and a resource shown Waiting for it is put back as it crashed.</summary>
    private async Task CancelRestartAsync(IResource resource, string resourceId, RestartState state)
    {
        state.CancelPendingRestart();
        await _dependencies.LeaveWaitingAsync(resource, resourceId, state);
    }

    /// <summary>
    /// The last lines the process itself wrote (<see cref="AspireInternals.ProcessConsole"/>: not this
    /// supervisor's own lines), each once: DCP's copy of the console can hold a line twice.
    /// </summary>
    private async Task<string> LastLinesAsync(IResource resource, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // Bounded: this runs inside Aspire's ResourceStoppedEvent, which other resources' events wait behind.
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await foreach (var batch in logs.ProcessConsole(resource, bounded.Token))
            {
                lines.AddRange(batch.Select(line => line.Content).Where(seen.Add));
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Out of time: the lines read so far.
        }

        return string.Join(Environment.NewLine, lines.TakeLast(LastLines));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Resource} exited unexpectedly (exit code {ExitCode}); restart {Restart} in {DelaySeconds:0.#} s")]
    private static partial void LogRestarting(ILogger logger, string resource, int? exitCode, double delaySeconds, int restart);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Resource} crashed {Crashes} times in a row (last exit code {ExitCode}); not restarting it again. Fix the cause and start it from the dashboard. Its last lines:\n{Lines}")]
    private static partial void LogGaveUp(ILogger logger, string resource, int crashes, int? exitCode, string lines);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Resource} has no stop command to watch: a stop from the dashboard will be taken for a crash and restarted")]
    private static partial void LogNoStopCommand(ILogger logger, string resource);

    [LoggerMessage(Level = LogLevel.Error, Message = "Restarting {Resource} went wrong; it stays stopped")]
    private static partial void LogRestartError(ILogger logger, string resource, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Restarting {Resource} failed: {Reason}")]
    private static partial void LogRestartFailed(ILogger logger, string resource, string? reason);
}
