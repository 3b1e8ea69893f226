using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Collections;
using MyService.Hosting.Otlp.Common;

namespace MyService.Hosting.Dashboard.Telemetry;

/// <summary>Turns OTLP messages into store entries: resource name from service.name, hex ids, flat attributes.</summary>
internal static class OtlpConverter
{
    public const string UnknownService = "unknown_service";

    public static string ResourceName(Resource? resource) =>
        resource?.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value?.StringValue is { Length: > 0 } name ? name : UnknownService;

    public static DateTimeOffset Time(ulong unixNanos) =>
        unixNanos == 0 ? DateTimeOffset.UtcNow : DateTimeOffset.UnixEpoch.AddTicks((long)(unixNanos / 100));

    public static string? Hex(ByteString id) => id.IsEmpty || id.Span.IndexOfAnyExcept((byte)0) < 0 ? null : Convert.ToHexStringLower(id.Span);

    public static List<KeyValuePair<string, string>> Attributes(RepeatedField<KeyValue> attributes, int maxLength) =>
        [.. attributes.Select(a => KeyValuePair.Create(a.Key, Truncate(Text(a.Value), maxLength)))];

    public static string Text(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.ArrayValue => "[" + string.Join(", ", value.ArrayValue.Values.Select(Text)) + "]",
        AnyValue.ValueOneofCase.KvlistValue => "{" + string.Join(", ", value.KvlistValue.Values.Select(kv => $"{kv.Key}: {Text(kv.Value)}")) + "}",
        AnyValue.ValueOneofCase.BytesValue => Convert.ToBase64String(value.BytesValue.Span),
        _ => "",
    };

    /// <summary>OTLP severity numbers: 1-4 trace, 5-8 debug, 9-12 information, 13-16 warning, 17-20 error, 21-24 critical.</summary>
    public static string Level(int severityNumber, string severityText) => severityNumber switch
    {
        >= 21 => "Critical",
        >= 17 => "Error",
        >= 13 => "Warning",
        >= 9 => "Information",
        >= 5 => "Debug",
        >= 1 => "Trace",
        // No number: the text, mapped onto the same six names so the level filter can rank every record.
        _ => severityText.ToUpperInvariant() switch
        {
            "TRACE" => "Trace",
            "DEBUG" => "Debug",
            "WARN" or "WARNING" => "Warning",
            "ERR" or "ERROR" => "Error",
            "FATAL" or "CRITICAL" => "Critical",
            _ => "Information",
        },
    };

    private static string Truncate(string value, int maxLength) => value.Length <= maxLength ? value : value[..maxLength] + "…";
}
