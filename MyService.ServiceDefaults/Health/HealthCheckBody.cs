namespace MyService.ServiceDefaults.Health;

/// <summary>One check's answer in a <see cref="HealthReportBody"/>.</summary>
public sealed record HealthCheckBody(string Status, string? Description, double DurationMs);
