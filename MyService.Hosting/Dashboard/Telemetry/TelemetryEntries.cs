namespace MyService.Hosting.Dashboard.Telemetry;

/// <summary>A structured log record as the dashboard shows it.</summary>
public sealed record LogEntry(
    string Resource,
    DateTimeOffset Timestamp,
    string Level,
    int SeverityNumber,
    string Category,
    string Message,
    string? TraceId,
    string? SpanId,
    IReadOnlyList<KeyValuePair<string, string>> Attributes);

/// <summary>One span; ids are lowercase hex as in W3C trace context.</summary>
public sealed record SpanEntry(
    string Resource,
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    string Kind,
    DateTimeOffset Start,
    DateTimeOffset End,
    bool IsError,
    string? StatusMessage,
    string Scope,
    IReadOnlyList<KeyValuePair<string, string>> Attributes,
    IReadOnlyList<SpanEventEntry> Events)
{
    public double DurationMs => (End - Start).TotalMilliseconds;
}

public sealed record SpanEventEntry(DateTimeOffset Time, string Name, IReadOnlyList<KeyValuePair<string, string>> Attributes);

/// <summary>A point of one series: for sums and gauges the value; for histograms the count and sum since start.</summary>
public sealed record MetricPoint(DateTimeOffset Time, double Value, ulong? Count = null, double? Sum = null);

/// <summary>Summary of one trace for the list: its root, services, span count, duration, errors.</summary>
public sealed record TraceSummary(
    string TraceId,
    string Name,
    DateTimeOffset Start,
    double DurationMs,
    int SpanCount,
    int ErrorCount,
    IReadOnlyList<string> Resources);
