namespace MyService.Hosting.OpenTelemetry.Collector;

/// <summary>The three OTLP/HTTP signals; each has its path, <c>/v1/{signal}</c>.</summary>
public enum OtlpSignal
{
    Traces,
    Metrics,
    Logs,
}
