namespace MyService.Worker.Processing;

/// <summary>Capped exponential backoff with jitter (so several workers do not retry in step).</summary>
internal sealed class Backoff(TimeSpan initial, TimeSpan cap)
{
    private int _failures;

    public TimeSpan Next()
    {
        var exponential = initial.TotalMilliseconds * Math.Pow(2, Math.Min(_failures++, 20));
        var capped = Math.Min(exponential, cap.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.75 + (Random.Shared.NextDouble() / 4)));
    }

    public void Reset() => _failures = 0;
}
