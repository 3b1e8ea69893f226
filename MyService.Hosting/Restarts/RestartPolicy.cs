namespace MyService.Hosting.Restarts;

/// <summary>
/// How a process that exits on its own is started again: after <see cref="InitialDelay"/>, doubling up to
/// <see cref="MaxDelay"/> while it keeps crashing; after <see cref="MaxFastCrashes"/> crashes in a row, each within
/// <see cref="StableAfter"/> of its start, it is left stopped as FailedToStart with its last lines.
/// </summary>
public sealed class RestartPolicy
{
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    public int MaxFastCrashes { get; set; } = 5;

    /// <summary>A run at least this long counts as healthy: the next crash starts the backoff again.</summary>
    public TimeSpan StableAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait before restart number <paramref name="crashesInARow"/> (1 for the first).</summary>
    public TimeSpan DelayFor(int crashesInARow)
    {
        var factor = Math.Pow(2, Math.Clamp(crashesInARow - 1, 0, 16));
        return TimeSpan.FromTicks((long)Math.Min(InitialDelay.Ticks * factor, MaxDelay.Ticks));
    }
}
