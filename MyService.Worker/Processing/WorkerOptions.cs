namespace MyService.Worker.Processing;

/// <summary>Configuration section <c>Worker</c>.</summary>
public sealed class WorkerOptions
{
    /// <summary>Events read per request to the feed (the API allows 1..1000).</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Entities of one page written at once (each entity's events stay in order).</summary>
    public int Parallelism { get; set; } = 16;

    /// <summary>The wait before the next read once the worker has caught up: the projection's lag when idle.</summary>
    public TimeSpan IdleDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The first wait after a failure; it doubles per failure up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The checkpoint's name: two differently named workers each project the whole feed.</summary>
    public string ConsumerName { get; set; } = "worker";
}
