using MyService.Hosting.Otlp.Logs;
using MyService.Hosting.Otlp.Metrics;
using MyService.Hosting.Otlp.Trace;

namespace MyService.Hosting.OpenTelemetry.Collector;

/// <summary>Checks that a body is the OTLP export request of its signal and counts what it carries; it is forwarded unchanged.</summary>
internal static class OtlpPayload
{
    /// <returns>Spans, metric data points or log records in the payload.</returns>
    /// <exception cref="Google.Protobuf.InvalidProtocolBufferException">The body is not the message for <paramref name="signal"/>.</exception>
    public static int Count(OtlpSignal signal, ReadOnlySpan<byte> body) => signal switch
    {
        OtlpSignal.Traces => ExportTraceServiceRequest.Parser.ParseFrom(body).ResourceSpans
            .Sum(r => r.ScopeSpans.Sum(s => s.Spans.Count)),
        OtlpSignal.Logs => ExportLogsServiceRequest.Parser.ParseFrom(body).ResourceLogs
            .Sum(r => r.ScopeLogs.Sum(s => s.LogRecords.Count)),
        OtlpSignal.Metrics => ExportMetricsServiceRequest.Parser.ParseFrom(body).ResourceMetrics
            .Sum(r => r.ScopeMetrics.Sum(s => s.Metrics.Sum(DataPoints))),
        _ => throw new ArgumentOutOfRangeException(nameof(signal)),
    };

    /// <summary>A metric's data points; a kind these protos do not spell out counts as one.</summary>
    private static int DataPoints(Metric metric) => metric.DataCase switch
    {
        Metric.DataOneofCase.Gauge => metric.Gauge.DataPoints.Count,
        Metric.DataOneofCase.Sum => metric.Sum.DataPoints.Count,
        Metric.DataOneofCase.Histogram => metric.Histogram.DataPoints.Count,
        Metric.DataOneofCase.ExponentialHistogram => metric.ExponentialHistogram.DataPoints.Count,
        _ => 1,
    };
}
