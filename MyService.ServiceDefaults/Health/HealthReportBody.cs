namespace MyService.ServiceDefaults.Health;

/// <summary>
/// What /health and /alive answer (<see cref="HealthReportWriter"/>), as a type so that the OpenAPI document can
/// describe it: the overall status, how long the checks took, and each check by name.
/// </summary>
public sealed record HealthReportBody(string Status, double TotalDurationMs, IReadOnlyDictionary<string, HealthCheckBody> Checks);
