namespace MyService.Hosting.Publishing.Model;

/// <summary>The fixed values and names of the publish form; what a project may change has its default on <see cref="FsdServiceOptions"/>.</summary>
internal static class DeploymentDefaults
{
    /// <summary><c>$APP_UID</c> of the mcr.microsoft.com/dotnet images (the non-root <c>app</c> user).</summary>
    public const string NonRootUser = "1654";

    /// <summary>Where a SQLite data volume is mounted (the validators' fixes name it); the Dockerfile declares the same VOLUME.</summary>
    public const string DataMountPath = "/app/data";

    /// <summary>A sidecar's OTLP/HTTP receiver: in awsvpc mode a task's containers share one network namespace, so it is localhost, the one loopback URL validation allows.</summary>
    public const string SidecarOtlpEndpoint = "http://localhost:4318";

    // ECS waits StopTimeoutSeconds before SIGKILL, above ASP.NET Core's 25 s shutdown.
    public const int StopTimeoutSeconds = 30;
    public const int HealthCheckGracePeriodSeconds = 60;

    // The ALB target group's health check, and the container's (the same timings as the Dockerfiles' HEALTHCHECK).
    public static readonly LoadBalancerHealthCheck LoadBalancerHealthCheck = new("/health", 30, 5, 2, 3);
    public static readonly ContainerHealthCheck ContainerHealthCheck = new([], 30, 5, 3, 20);
}
