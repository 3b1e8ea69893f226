namespace MyService.ServiceDefaults.Telemetry;

/// <summary>The names of the project's own activity sources and meters, which ServiceDefaults listens to.</summary>
public static class ProjectTelemetry
{
    /// <summary>
    /// Every source and meter whose name starts with <c>MyService.</c>: today the worker's <c>MyService.Worker</c>
    /// (MyService.Worker/Processing/WorkerTelemetry.cs); a source the API or a storage provider adds under that
    /// prefix is exported without touching ServiceDefaults.
    /// </summary>
    public const string Names = "MyService.*";
}
