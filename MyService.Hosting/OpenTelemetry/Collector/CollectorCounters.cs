namespace MyService.Hosting.OpenTelemetry.Collector;

/// <summary>What the collector has done since it started, shown on its resource.</summary>
public sealed class CollectorCounters
{
    private long _received;
    private long _rejected;

    public long Received => Interlocked.Read(ref _received);

    /// <summary>Requests answered 4xx: no or a wrong key, not OTLP.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    internal void AddReceived(int items) => Interlocked.Add(ref _received, items);

    internal void AddRejected() => Interlocked.Increment(ref _rejected);
}
