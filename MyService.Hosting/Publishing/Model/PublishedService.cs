namespace MyService.Hosting.Publishing.Model;

/// <summary>
/// One deployable service as the model describes it, in publish form, for one environment (or none: the base
/// values). The FSD file, the ECS JSON and the workflow are all written from this, so they cannot disagree.
/// </summary>
internal sealed record PublishedService
{
    /// <summary>The resource name: file names (<c>api.yml</c>), container name, log stream prefix.</summary>
    public required string ResourceName { get; init; }

    /// <summary><c>{application}-{resource}</c>: the FSD service name; with <c>-${ENV}</c> (FSD appends the environment itself) the ECS names.</summary>
    public required string BaseName { get; init; }

    public string Name => EcsDeploymentContext.PerEnvironment(BaseName);

    /// <summary>The project's folder relative to the repository root, with '/' (the Dockerfile is there).</summary>
    public required string ProjectFolder { get; init; }

    /// <summary>The project's folder on this machine, for the Dockerfile check.</summary>
    public required string ProjectDirectory { get; init; }

    /// <summary>The service's program, named after the project file (the SDK's default assembly name).</summary>
    public required string Assembly { get; init; }

    public required string Pack { get; init; }

    public required IReadOnlyList<string> Owners { get; init; }

    public string Image => $"${{ECR_REGISTRY}}/{BaseName}:${{IMAGE_TAG}}";

    /// <summary>The container port behind the load balancer; null for a service without one (a worker).</summary>
    public int? Port { get; init; }

    /// <summary>The port the app listens on: <see cref="Port"/>, or a health-only endpoint's (not load balanced).</summary>
    public int? ListenPort { get; init; }

    public bool IsExternal { get; init; }

    public string? CertificateArn { get; init; }

    /// <summary>Present exactly when there is a load-balanced endpoint: the ALB's health check.</summary>
    public LoadBalancerHealthCheck? LoadBalancerHealthCheck { get; init; }

    public required ContainerHealthCheck ContainerHealthCheck { get; init; }

    public required ServiceSizing Sizing { get; init; }

    public required AutoScalingSettings AutoScaling { get; init; }

    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    public required IReadOnlyList<SecretReference> Secrets { get; init; }

    public required IReadOnlyList<DeployedVolume> Volumes { get; init; }

    public required IReadOnlyList<DeployedDependency> Dependencies { get; init; }

    /// <summary>The collector container every task runs beside the app, if a declaration asked for one.</summary>
    public DeployedSidecar? Sidecar { get; init; }

    public required int LogRetentionDays { get; init; }

    public required string User { get; init; }

    /// <summary>A declaration (a SQLite database: one writer) allows one task at a time.</summary>
    public required bool SingleTask { get; init; }

    // TEMP: the validators' name until they are moved (issue-17-validation).
    public bool UsesSqlite => SingleTask;
}

internal sealed record LoadBalancerHealthCheck(string Path, int Interval, int Timeout, int HealthyThreshold, int UnhealthyThreshold);

internal sealed record ContainerHealthCheck(IReadOnlyList<string> Command, int Interval, int Timeout, int Retries, int StartPeriod);

internal sealed record ServiceSizing(int Cpu, int Memory, int DesiredCount, int MinCapacity, int MaxCapacity);

internal sealed record AutoScalingSettings(int TargetCpuUtilization, int TargetMemoryUtilization, int ScaleInCooldown, int ScaleOutCooldown);

/// <summary>A variable whose value the container gets from Secrets Manager at start; never a value in the files.</summary>
internal sealed record SecretReference(string Name, string ValueFrom);
