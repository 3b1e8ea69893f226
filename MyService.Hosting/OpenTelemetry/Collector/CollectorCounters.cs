namespace MyService.Hosting.OpenTelemetry.Collector;

/// <summary>What the collector has done since it started, shown on its resource.</summary>
public sealed class CollectorCounters
{
    private long _received;
    private long _items;
    private long _rejected;

    /// <summary>Export requests accepted (payloads, the unit the forwarders count in too).</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Spans, metric data points and log records in the accepted payloads.</summary>
    public long Items => Interlocked.Read(ref _items);

    /// <summary>Requests answered 4xx: no or a wrong key, not OTLP, too large.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    internal void AddReceived(int items)
    {
        Interlocked.Increment(ref _received);
        Interlocked.Add(ref _items, items);
    }

    internal void AddRejected() => Interlocked.Increment(ref _rejected);
}
