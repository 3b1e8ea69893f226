using System.Collections.Concurrent;

namespace MyService.Hosting.Dashboard.Telemetry;

/// <summary>
/// What the collector received, per resource (the <c>service.name</c> of the sender), in bounded buffers.
/// The dashboard queries it; <see cref="Version"/> grows with every addition so pages can tell what is new.
/// </summary>
public sealed class TelemetryStore(TelemetryLimits limits)
{
    private readonly ConcurrentDictionary<string, ResourceTelemetry> _resources = new(StringComparer.Ordinal);
    private long _version;

    public TelemetryLimits Limits { get; } = limits;

    public long Version => Interlocked.Read(ref _version);

    public IReadOnlyList<string> Resources => [.. _resources.Keys.Order(StringComparer.Ordinal)];

    public void AddLog(LogEntry entry)
    {
        Get(entry.Resource).Logs.Add(entry);
        Interlocked.Increment(ref _version);
    }

    public void AddSpan(SpanEntry span)
    {
        Get(span.Resource).Spans.Add(span);
        Interlocked.Increment(ref _version);
    }

    public void AddMetricPoint(string resource, string name, string description, string unit, string type,
        IReadOnlyList<KeyValuePair<string, string>> attributes, MetricPoint point)
    {
        var telemetry = Get(resource);
        var instrument = telemetry.Instruments.GetOrAdd(name, _ => new MetricInstrument(name, description, unit, type));
        var series = instrument.GetOrAdd(attributes, Limits.MaxPointsPerSeries, telemetry.TryReserveSeries);
        series?.Add(point);
        Interlocked.Increment(ref _version);
    }

    public IReadOnlyList<LogEntry> Logs(string? resource = null) =>
        [.. Select(resource).SelectMany(r => r.Logs.ToList()).OrderBy(l => l.Timestamp)];

    public IReadOnlyList<SpanEntry> Spans(string? resource = null) =>
        [.. Select(resource).SelectMany(r => r.Spans.ToList())];

    public IReadOnlyList<SpanEntry> Trace(string traceId) =>
        [.. Spans().Where(s => s.TraceId == traceId).OrderBy(s => s.Start)];

    /// <summary>Traces that have a span in <paramref name="resource"/> (all when null), newest first.</summary>
    public IReadOnlyList<TraceSummary> Traces(string? resource = null)
    {
        var all = Spans().GroupBy(s => s.TraceId);
        return [.. all
            .Where(g => resource is null || g.Any(s => s.Resource == resource))
            .Select(Summarise)
            .OrderByDescending(t => t.Start)];
    }

    public IReadOnlyList<MetricInstrument> Instruments(string resource) =>
        _resources.TryGetValue(resource, out var telemetry)
            ? [.. telemetry.Instruments.Values.OrderBy(i => i.Name, StringComparer.Ordinal)]
            : [];

    /// <summary>Sizes per resource, for the bounds in docs and the flood test.</summary>
    public (int Logs, int Spans, int Series) Counts(string resource) =>
        _resources.TryGetValue(resource, out var t) ? (t.Logs.Count, t.Spans.Count, t.SeriesCount) : (0, 0, 0);

    private static TraceSummary Summarise(IGrouping<string, SpanEntry> trace)
    {
        var spans = trace.ToList();
        var ids = spans.Select(s => s.SpanId).ToHashSet();
        var root = spans.Where(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId)).MinBy(s => s.Start) ?? spans[0];
        var start = spans.Min(s => s.Start);
        var end = spans.Max(s => s.End);
        return new TraceSummary(trace.Key, $"{root.Resource}: {root.Name}", start, (end - start).TotalMilliseconds, spans.Count,
            spans.Count(s => s.IsError), [.. spans.Select(s => s.Resource).Distinct().Order(StringComparer.Ordinal)]);
    }

    private IEnumerable<ResourceTelemetry> Select(string? resource) =>
        resource is null ? _resources.Values : _resources.TryGetValue(resource, out var one) ? [one] : [];

    private ResourceTelemetry Get(string resource) => _resources.GetOrAdd(resource, _ => new ResourceTelemetry(Limits));

    private sealed class ResourceTelemetry(TelemetryLimits limits)
    {
        private int _series;

        public BoundedBuffer<LogEntry> Logs { get; } = new(limits.MaxLogsPerResource);

        public BoundedBuffer<SpanEntry> Spans { get; } = new(limits.MaxSpansPerResource);

        public ConcurrentDictionary<string, MetricInstrument> Instruments { get; } = new(StringComparer.Ordinal);

        public int SeriesCount => Volatile.Read(ref _series);

        public bool TryReserveSeries()
        {
            if (Interlocked.Increment(ref _series) <= limits.MaxSeriesPerResource)
            {
                return true;
            }

            Interlocked.Decrement(ref _series);
            return false;
        }
    }
}
