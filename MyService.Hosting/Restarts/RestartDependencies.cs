namespace MyService.Hosting.Restarts;

/// <summary>
/// What a restart waits for: every resource the crashed one names in <c>WaitFor</c>, ready again. Aspire's start
/// command waits for them too, but with the app's default <see cref="WaitBehavior"/> (without a dashboard, as under
/// Aspire.Hosting.Testing, it gives up at once when one is down and the start fails), and a stop of the AppHost during
/// that wait is logged as a failed start with a stack trace. Waited for here first, shown as Aspire shows its own wait
/// (state Waiting, <c>resource.waitingFor</c>), the restart goes on by itself once they are back, whatever the default,
/// and a stop meanwhile cancels it quietly.
/// </summary>
internal sealed partial class RestartDependencies(ResourceNotificationService notifications)
{
    public async Task WaitAsync(IResource resource, string resourceId, RestartState state, ILogger log, CancellationToken cancellationToken)
    {
        var waits = resource.Annotations.OfType<WaitAnnotation>()
            // A completion it waited for happened before its first start; parameters and connection strings have no lifetime.
            .Where(w => w.WaitType != WaitType.WaitForCompletion && w.Resource is not IResourceWithoutLifetime)
            .ToList();
        var pending = new HashSet<string>(waits.Where(w => !IsReady(w)).Select(w => w.Resource.Name), StringComparer.Ordinal);
        if (pending.Count == 0)
        {
            return;
        }

        string[] names = [.. pending.Order(StringComparer.Ordinal)];
        LogWaiting(log, resource.Name, names);
        // A stop or start that cancelled this restart meanwhile owns the state now: nothing to show.
        cancellationToken.ThrowIfCancellationRequested();
        await notifications.PublishUpdateAsync(resource, resourceId, s =>
        {
            state.WaitingOver ??= s.State;
            return Waiting(s, names);
        });
        var waiting = waits.Where(w => pending.Contains(w.Resource.Name)).ToList();
        await Task.WhenAll(waiting.Select(async wait =>
        {
            await WaitForAsync(wait, cancellationToken);
            string[] left;
            lock (pending)
            {
                pending.Remove(wait.Resource.Name);
                left = [.. pending];
            }

            if (left.Length > 0)
            {
                await notifications.PublishUpdateAsync(resource, resourceId, s => s.State?.Text == KnownResourceStates.Waiting ? Waiting(s, left) : s);
            }
        }));
        LogReady(log, resource.Name);
    }

    private bool IsReady(WaitAnnotation wait) =>
        notifications.TryGetCurrentState(wait.Resource.Name, out var current) && current.Snapshot.State?.Text == KnownResourceStates.Running
        && (wait.WaitType != WaitType.WaitUntilHealthy || current.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy);

    private Task<ResourceEvent> WaitForAsync(WaitAnnotation wait, CancellationToken cancellationToken) => wait.WaitType == WaitType.WaitUntilHealthy
        // Healthy and its ResourceReadyEvent handled (a table exists only then), however often it goes down meanwhile.
        ? notifications.WaitForResourceHealthyAsync(wait.Resource.Name, WaitBehavior.WaitOnResourceUnavailable, cancellationToken)
        : notifications.WaitForResourceAsync(wait.Resource.Name, e => e.Snapshot.State?.Text == KnownResourceStates.Running, cancellationToken);

    /// <summary>Puts back the state the resource crashed into, if it is still shown Waiting, so that a start starts it.</summary>
    public async Task LeaveWaitingAsync(IResource resource, string resourceId, RestartState state)
    {
        if (state.WaitingOver is not { } crashed)
        {
            return;
        }

        state.WaitingOver = null;
        await notifications.PublishUpdateAsync(resource, resourceId, s => s.State?.Text == KnownResourceStates.Waiting ? s with { State = crashed } : s);
    }

    /// <summary>Shown Waiting for <paramref name="waitingFor"/>, named as Aspire names them there: by resource id (DCP's name, <c>api-abcdwxyz</c>).</summary>
    private CustomResourceSnapshot Waiting(CustomResourceSnapshot snapshot, IEnumerable<string> waitingFor) => snapshot with
    {
        State = KnownResourceStates.Waiting,
        Properties = Shared.ResourcePropertyExtensions.With(snapshot.Properties, (Shared.AspireInternals.WaitingForProperty, waitingFor
            .Select(name => notifications.TryGetCurrentState(name, out var current) ? current.ResourceId : name)
            .Order(StringComparer.Ordinal)
            .ToArray())),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "{Resource} restarts once {Dependencies} is back (WaitFor)")]
    private static partial void LogWaiting(ILogger logger, string resource, IEnumerable<string> dependencies);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Resource}: what it waits for is back; restarting")]
    private static partial void LogReady(ILogger logger, string resource);
}
