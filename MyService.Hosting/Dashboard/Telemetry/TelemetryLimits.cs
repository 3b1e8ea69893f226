namespace MyService.Hosting.Dashboard.Telemetry;

/// <summary>
/// How much telemetry the AppHost keeps in memory, per resource (configuration <c>Dashboard:Telemetry:*</c>).
/// When a store is full the oldest entries go first, so memory stays flat under a sustained flood.
/// </summary>
public sealed record TelemetryLimits
{
    public int MaxLogsPerResource { get; init; } = 10_000;

    public int MaxSpansPerResource { get; init; } = 10_000;

    public int MaxPointsPerSeries { get; init; } = 600;

    /// <summary>Distinct (instrument, attribute set) series per resource; new series beyond it are dropped.</summary>
    public int MaxSeriesPerResource { get; init; } = 1_000;

    public int MaxAttributeValueLength { get; init; } = 4_096;
}
