using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace MyService.Hosting.Orchestration;

/// <summary>The current snapshot of every resource, and a stream of every change (for the console, dashboard and tests).</summary>
public sealed class ResourceNotificationService
{
    private readonly ConcurrentDictionary<string, ResourceSnapshot> _current = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<Channel<ResourceSnapshot>, byte> _watchers = new();
    private readonly Lock _publishLock = new();

    public IReadOnlyCollection<ResourceSnapshot> Current => [.. _current.Values.OrderBy(s => s.Name, StringComparer.Ordinal)];

    public ResourceSnapshot? Get(string name) => _current.GetValueOrDefault(name);

    /// <summary>Applies <paramref name="update"/> to the resource's snapshot and tells every watcher.</summary>
    public ResourceSnapshot Publish(string name, Func<ResourceSnapshot, ResourceSnapshot> update, Func<ResourceSnapshot>? initial = null)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (_publishLock)
        {
            var before = _current.GetValueOrDefault(name) ?? initial?.Invoke()
                ?? throw new InvalidOperationException($"Resource '{name}' has no snapshot yet.");
            var after = update(before);
            _current[name] = after;
            foreach (var watcher in _watchers.Keys)
            {
                watcher.Writer.TryWrite(after);
            }

            return after;
        }
    }

    /// <summary>Every resource's current snapshot, then each change as it happens.</summary>
    public async IAsyncEnumerable<ResourceSnapshot> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateUnbounded<ResourceSnapshot>(new() { SingleReader = true });
        lock (_publishLock)
        {
            foreach (var snapshot in _current.Values)
            {
                channel.Writer.TryWrite(snapshot);
            }

            _watchers[channel] = 0;
        }

        try
        {
            await foreach (var snapshot in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return snapshot;
            }
        }
        finally
        {
            _watchers.TryRemove(channel, out _);
        }
    }

    /// <summary>Waits until <paramref name="predicate"/> holds for the resource; returns that snapshot.</summary>
    public async Task<ResourceSnapshot> WaitForResourceAsync(string name, Func<ResourceSnapshot, bool> predicate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        await foreach (var snapshot in WatchAsync(cancellationToken))
        {
            if (string.Equals(snapshot.Name, name, StringComparison.OrdinalIgnoreCase) && predicate(snapshot))
            {
                return snapshot;
            }
        }

        throw new OperationCanceledException(cancellationToken);
    }

    public Task<ResourceSnapshot> WaitForResourceAsync(string name, string state, CancellationToken cancellationToken = default) =>
        WaitForResourceAsync(name, s => s.State == state, cancellationToken);

    /// <summary>Running and healthy; fails fast when the resource ends up failed instead.</summary>
    public async Task<ResourceSnapshot> WaitForResourceHealthyAsync(string name, CancellationToken cancellationToken = default)
    {
        var snapshot = await WaitForResourceAsync(name, s => s.IsUp || s.State == KnownResourceStates.FailedToStart, cancellationToken);
        return snapshot.State == KnownResourceStates.FailedToStart
            ? throw new DistributedApplicationException($"Resource '{name}' failed to start: {snapshot.StateReason}")
            : snapshot;
    }
}
