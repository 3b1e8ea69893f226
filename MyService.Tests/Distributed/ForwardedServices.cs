using MyService.Hosting.Otlp.Common;
using MyService.Hosting.Otlp.Logs;
using MyService.Hosting.Otlp.Metrics;
using MyService.Tests.ServiceDefaults;

namespace MyService.Tests.Distributed;

/// <summary>The service names (resource attribute service.name) in the log and metric exports a sink received.</summary>
internal static class ForwardedServices
{
    public static IReadOnlySet<string> WithLogs(OtlpSink sink) => Names(sink, "/v1/logs",
        body => ExportLogsServiceRequest.Parser.ParseFrom(body).ResourceLogs.Where(r => r.ScopeLogs.Any(s => s.LogRecords.Count > 0)).Select(r => r.Resource));

    public static IReadOnlySet<string> WithMetrics(OtlpSink sink) => Names(sink, "/v1/metrics",
        body => ExportMetricsServiceRequest.Parser.ParseFrom(body).ResourceMetrics.Where(r => r.ScopeMetrics.Any(s => s.Metrics.Count > 0)).Select(r => r.Resource));

    private static HashSet<string> Names(OtlpSink sink, string path, Func<byte[], IEnumerable<Resource>> resources) =>
        [.. sink.Exports.Where(e => e.Path == path)
            .SelectMany(e => resources(e.Body))
            .Select(r => r.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value?.StringValue)
            .OfType<string>()];
}
