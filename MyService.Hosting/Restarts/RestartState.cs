namespace MyService.Hosting.Restarts;

/// <summary>One supervised resource: was its stop asked for, how often has it crashed in a row, how often restarted.</summary>
internal sealed class RestartState(DateTimeOffset started)
{
    private int _crashesInARow;
    private int _commandsWrapped;

    public volatile bool StopRequested;

    /// <summary>Set while the supervisor itself runs the start command (which must not clear the crash count).</summary>
    public volatile bool StartingBySupervisor;

    public int Restarts { get; set; }

    /// <summary>True the first time only: the lifecycle commands are wrapped once, however often the resource starts.</summary>
    public bool TryMarkCommandsWrapped() => Interlocked.Exchange(ref _commandsWrapped, 1) == 0;

    public DateTimeOffset LastStart { get; set; } = started;

    /// <summary>Counts a crash; one after a stable run starts the count again.</summary>
    public int RecordCrash(DateTimeOffset now, TimeSpan stableAfter)
    {
        _crashesInARow = now - LastStart >= stableAfter ? 1 : _crashesInARow + 1;
        return _crashesInARow;
    }

    /// <summary>A start someone asked for: a fresh run, the crash count cleared.</summary>
    public void Reset(DateTimeOffset now)
    {
        StopRequested = false;
        _crashesInARow = 0;
        LastStart = now;
    }
}
