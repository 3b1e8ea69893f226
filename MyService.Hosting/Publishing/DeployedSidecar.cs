namespace MyService.Hosting.Publishing;

/// <summary>
/// A container that runs beside the service in every task and that the service waits for (HEALTHY): the telemetry
/// collector. <paramref name="OtlpEndpoint"/> is where the service sends OTLP (in awsvpc mode, on localhost).
/// </summary>
public sealed record DeployedSidecar(string Name, string Image, IReadOnlyList<string> Command, IReadOnlyList<string> HealthCheckCommand, string OtlpEndpoint);
