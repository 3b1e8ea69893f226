namespace MyService.Hosting.OpenTelemetry.Collector;

/// <summary>
/// Where the collector sends what it receives: an OTLP/HTTP base URL (resolved when first needed, since the
/// dashboard's port is known only once it runs) and the headers to send, such as the dashboard's API key.
/// </summary>
public sealed record OtlpDestination(string Name, Func<Uri?> Endpoint, IReadOnlyDictionary<string, string> Headers);
