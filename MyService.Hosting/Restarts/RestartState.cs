namespace MyService.Hosting.Restarts;

/// <summary>One supervised resource: was its stop asked for, how often has it crashed in a row, how often restarted.</summary>
internal sealed class RestartState(DateTimeOffset started)
{
    private int _crashesInARow;
    private int _commandsWrapped;
    private CancellationTokenSource? _pending;

    public volatile bool StopRequested;

    /// <summary>Set while the supervisor itself runs the start command (which must not clear the crash count).</summary>
    public volatile bool StartingBySupervisor;

    public int Restarts { get; set; }

    /// <summary>
    /// The state the resource crashed into, while the supervisor shows it Waiting for its dependencies instead; null
    /// otherwise. Put back before any start: Aspire's start of a Waiting resource only ends a wait of its own.
    /// </summary>
    public ResourceStateSnapshot? WaitingOver { get; set; }

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

    /// <summary>
    /// The restart the supervisor is about to make (its backoff, then its wait for dependencies): cancelled when the
    /// AppHost stops or someone stops, starts or restarts the resource meanwhile. The caller disposes it when done.
    /// </summary>
    public CancellationTokenSource BeginRestart(CancellationToken stopping)
    {
        var restart = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        Cancel(Interlocked.Exchange(ref _pending, restart));
        return restart;
    }

    public void EndRestart(CancellationTokenSource restart) => Interlocked.CompareExchange(ref _pending, null, restart);

    /// <summary>Someone acted on the resource: a restart still waiting is not made.</summary>
    public void CancelPendingRestart() => Cancel(Interlocked.Exchange(ref _pending, null));

    private static void Cancel(CancellationTokenSource? restart)
    {
        try
        {
            restart?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // That restart has just finished: nothing left to cancel.
        }
    }
}
