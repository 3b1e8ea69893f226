namespace MyService.Hosting.OpenTelemetry.Collector;

/// <summary>An OTLP/HTTP base URL and the headers to send with every payload (such as the dashboard's API key).</summary>
public sealed record OtlpTarget(Uri Endpoint, IReadOnlyDictionary<string, string> Headers);
