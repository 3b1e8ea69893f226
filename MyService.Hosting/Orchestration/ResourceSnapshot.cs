using System.Collections.Immutable;

namespace MyService.Hosting.Orchestration;

/// <summary>
/// Everything known about one resource at one moment. Immutable: each change publishes a new snapshot, so readers
/// (console, dashboard, tests) never see a half-updated resource.
/// </summary>
public sealed record ResourceSnapshot
{
    public required string Name { get; init; }

    /// <summary>Project, Executable, SQLite, DynamoDBLocal, DynamoDBTable, Parameter, ConnectionString, OpenTelemetryCollector.</summary>
    public required string ResourceType { get; init; }

    public string State { get; init; } = KnownResourceStates.NotStarted;

    public HealthStatus Health { get; init; } = HealthStatus.Unknown;

    /// <summary>Why the resource is in its state: what it waits for, why it failed, the last health report.</summary>
    public string? StateReason { get; init; }

    public DateTimeOffset? StartTime { get; init; }

    public DateTimeOffset? StopTime { get; init; }

    public int? ExitCode { get; init; }

    public int? ProcessId { get; init; }

    public int RestartCount { get; init; }

    public ImmutableArray<string> Urls { get; init; } = [];

    /// <summary>The variables the resource was started with; secret values are already masked.</summary>
    public ImmutableDictionary<string, string> Environment { get; init; } = ImmutableDictionary<string, string>.Empty;

    public ImmutableArray<HealthReport> HealthReports { get; init; } = [];

    /// <summary>Up: running and healthy, or finished its work.</summary>
    public bool IsUp => (State == KnownResourceStates.Running && Health == HealthStatus.Healthy) || State == KnownResourceStates.Finished;
}

public sealed record HealthReport(DateTimeOffset Time, HealthStatus Status, string Description);
