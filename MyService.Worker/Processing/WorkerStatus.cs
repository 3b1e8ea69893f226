namespace MyService.Worker.Processing;

/// <summary>What the loop last did, for the health check. Written by the loop only; read by health requests.</summary>
internal sealed class WorkerStatus(TimeProvider clock)
{
    private volatile Snapshot _current = new(clock.GetUtcNow(), null, 0, null);

    public Snapshot Current => _current;

    /// <summary>False until the first read and its page have succeeded: the worker is still starting.</summary>
    public bool HasSucceeded => _current.LastSuccess is not null;

    public void Succeeded(long checkpoint) => _current = new(clock.GetUtcNow(), null, checkpoint, clock.GetUtcNow());

    public void Failed(Exception error) => _current = _current with { LastActivity = clock.GetUtcNow(), LastError = $"{error.GetType().Name}: {error.Message}" };

    /// <param name="LastActivity">When the loop last finished a read, successful or not.</param>
    /// <param name="LastError">The last failure, null once a read succeeds again.</param>
    /// <param name="LastSuccess">When a read and its page last succeeded; null before the first.</param>
    public sealed record Snapshot(DateTimeOffset LastActivity, string? LastError, long Checkpoint, DateTimeOffset? LastSuccess);
}
