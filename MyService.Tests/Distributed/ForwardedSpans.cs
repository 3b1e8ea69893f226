using MyService.Hosting.Otlp.Common;
using MyService.Hosting.Otlp.Trace;
using MyService.Tests.ServiceDefaults;

namespace MyService.Tests.Distributed;

/// <summary>A span as the collector forwarded it: the service that sent it, its ids, name, kind and string attributes.</summary>
internal sealed record ForwardedSpan(string Service, string TraceId, string SpanId, string? ParentSpanId, string Name, string Kind, IReadOnlyDictionary<string, string> Attributes)
{
    /// <summary>Every span in the trace exports the sink received.</summary>
    public static IReadOnlyList<ForwardedSpan> From(OtlpSink sink) =>
        [.. sink.Exports.Where(e => e.Path == "/v1/traces").SelectMany(e => Parse(ExportTraceServiceRequest.Parser.ParseFrom(e.Body)))];

    private static IEnumerable<ForwardedSpan> Parse(ExportTraceServiceRequest request) =>
        from resourceSpans in request.ResourceSpans
        let service = Text(resourceSpans.Resource?.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value) ?? "unknown"
        from scope in resourceSpans.ScopeSpans
        from span in scope.Spans
        select new ForwardedSpan(
            service,
            Convert.ToHexStringLower(span.TraceId.Span),
            Convert.ToHexStringLower(span.SpanId.Span),
            span.ParentSpanId.IsEmpty ? null : Convert.ToHexStringLower(span.ParentSpanId.Span),
            span.Name,
            span.Kind.ToString(),
            span.Attributes.GroupBy(a => a.Key).ToDictionary(g => g.Key, g => Text(g.Last().Value) ?? "", StringComparer.Ordinal));

    private static string? Text(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };
}
