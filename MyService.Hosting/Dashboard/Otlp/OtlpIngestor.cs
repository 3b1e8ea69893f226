using MyService.Hosting.Dashboard.Telemetry;
using MyService.Hosting.Otlp.Logs;
using MyService.Hosting.Otlp.Metrics;
using MyService.Hosting.Otlp.Trace;
using static MyService.Hosting.Dashboard.Telemetry.OtlpConverter;

namespace MyService.Hosting.Dashboard.Otlp;

/// <summary>Parses an OTLP/HTTP protobuf body and adds its contents to the store.</summary>
internal sealed class OtlpIngestor(TelemetryStore store)
{
    private int MaxLength => store.Limits.MaxAttributeValueLength;

    /// <exception cref="Google.Protobuf.InvalidProtocolBufferException">The body is not the message for <paramref name="signal"/>.</exception>
    public int Ingest(OtlpSignal signal, ReadOnlySpan<byte> body) => signal switch
    {
        OtlpSignal.Traces => AddTraces(ExportTraceServiceRequest.Parser.ParseFrom(body)),
        OtlpSignal.Logs => AddLogs(ExportLogsServiceRequest.Parser.ParseFrom(body)),
        OtlpSignal.Metrics => AddMetrics(ExportMetricsServiceRequest.Parser.ParseFrom(body)),
        _ => throw new ArgumentOutOfRangeException(nameof(signal)),
    };

    private int AddTraces(ExportTraceServiceRequest request)
    {
        var count = 0;
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var resource = ResourceName(resourceSpans.Resource);
            foreach (var scope in resourceSpans.ScopeSpans)
            {
                foreach (var span in scope.Spans)
                {
                    store.AddSpan(new SpanEntry(
                        resource,
                        Hex(span.TraceId) ?? "",
                        Hex(span.SpanId) ?? "",
                        Hex(span.ParentSpanId),
                        span.Name,
                        span.Kind.ToString().Replace("SpanKind", "", StringComparison.Ordinal),
                        Time(span.StartTimeUnixNano),
                        Time(span.EndTimeUnixNano),
                        span.Status?.Code == Status.Types.StatusCode.Error,
                        span.Status?.Message is { Length: > 0 } message ? message : null,
                        scope.Scope?.Name ?? "",
                        Attributes(span.Attributes, MaxLength),
                        [.. span.Events.Select(e => new SpanEventEntry(Time(e.TimeUnixNano), e.Name, Attributes(e.Attributes, MaxLength)))]));
                    count++;
                }
            }
        }

        return count;
    }

    private int AddLogs(ExportLogsServiceRequest request)
    {
        var count = 0;
        foreach (var resourceLogs in request.ResourceLogs)
        {
            var resource = ResourceName(resourceLogs.Resource);
            foreach (var scope in resourceLogs.ScopeLogs)
            {
                foreach (var record in scope.LogRecords)
                {
                    store.AddLog(new LogEntry(
                        resource,
                        Time(record.TimeUnixNano != 0 ? record.TimeUnixNano : record.ObservedTimeUnixNano),
                        Level(record.SeverityNumber, record.SeverityText),
                        record.SeverityNumber,
                        scope.Scope?.Name ?? "",
                        Text(record.Body),
                        Hex(record.TraceId),
                        Hex(record.SpanId),
                        Attributes(record.Attributes, MaxLength)));
                    count++;
                }
            }
        }

        return count;
    }

    private int AddMetrics(ExportMetricsServiceRequest request)
    {
        var count = 0;
        foreach (var resourceMetrics in request.ResourceMetrics)
        {
            var resource = ResourceName(resourceMetrics.Resource);
            foreach (var metric in resourceMetrics.ScopeMetrics.SelectMany(s => s.Metrics))
            {
                foreach (var (type, attributes, point) in Points(metric))
                {
                    store.AddMetricPoint(resource, metric.Name, metric.Description, metric.Unit, type, attributes, point);
                    count++;
                }
            }
        }

        return count;
    }

    private IEnumerable<(string Type, List<KeyValuePair<string, string>> Attributes, MetricPoint Point)> Points(Metric metric)
    {
        IEnumerable<NumberDataPoint> numbers = metric.DataCase switch
        {
            Metric.DataOneofCase.Gauge => metric.Gauge.DataPoints,
            Metric.DataOneofCase.Sum => metric.Sum.DataPoints,
            _ => [],
        };
        var type = metric.DataCase == Metric.DataOneofCase.Gauge ? "gauge" : "sum";
        foreach (var p in numbers)
        {
            var value = p.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? p.AsInt : p.AsDouble;
            yield return (type, Attributes(p.Attributes, MaxLength), new MetricPoint(Time(p.TimeUnixNano), value));
        }

        if (metric.DataCase == Metric.DataOneofCase.Histogram)
        {
            foreach (var p in metric.Histogram.DataPoints)
            {
                // The chart shows the mean; count and sum are kept so rates can be derived.
                var mean = p.Count == 0 ? 0 : p.Sum / p.Count;
                yield return ("histogram", Attributes(p.Attributes, MaxLength), new MetricPoint(Time(p.TimeUnixNano), mean, p.Count, p.Sum));
            }
        }
    }
}

public enum OtlpSignal
{
    Traces,
    Metrics,
    Logs,
}
