namespace MyService.Hosting.Publishing.Model;

/// <summary>
/// One deployable service in publish form, for one environment (or none: the base values). The FSD file, the ECS JSON
/// and the workflow are all written from this, so they cannot disagree.
/// </summary>
internal sealed record PublishedService
{
    // Names: the resource (file names, container, log stream prefix); {application}-{resource}, the FSD service name,
    // and with -${ENV} (FSD appends the environment itself) the ECS names; the project's folder, relative with '/'
    // (the workflow's Dockerfile path) and on this machine (the Dockerfile check); its program, named after the project file.
    public required string ResourceName { get; init; }
    public required string BaseName { get; init; }
    public string Name => EcsDeploymentContext.PerEnvironment(BaseName);
    public required string ProjectFolder { get; init; }
    public required string ProjectDirectory { get; init; }
    public required string Assembly { get; init; }

    /// <summary>What the project's <c>PublishAsFsdService</c> set (pack, owners, user, scaling targets), as it set it.</summary>
    public required FsdServiceOptions Settings { get; init; }
    public string Image => $"${{ECR_REGISTRY}}/{BaseName}:${{IMAGE_TAG}}";

    // Port: behind the load balancer (null for a worker); ListenPort: what the app listens on, also a health-only endpoint's.
    public int? Port { get; init; }
    public int? ListenPort { get; init; }
    public bool IsExternal { get; init; }
    public string? CertificateArn { get; init; }

    /// <summary>Present exactly when there is a load-balanced endpoint: the ALB's health check.</summary>
    public LoadBalancerHealthCheck? LoadBalancerHealthCheck { get; init; }
    public required ContainerHealthCheck ContainerHealthCheck { get; init; }
    public required ServiceSizing Sizing { get; init; }

    // What the model and the declarations of what it references give it.
    public required IReadOnlyDictionary<string, string> Environment { get; init; }
    public required IReadOnlyList<SecretReference> Secrets { get; init; }
    public required IReadOnlyList<DeployedVolume> Volumes { get; init; }
    public required IReadOnlyList<DeployedDependency> Dependencies { get; init; }
    public DeployedSidecar? Sidecar { get; init; }

    /// <summary>A declaration (a SQLite database: one writer) allows one task at a time.</summary>
    public required bool SingleTask { get; init; }
    public required int LogRetentionDays { get; init; }
}

internal sealed record LoadBalancerHealthCheck(string Path, int Interval, int Timeout, int HealthyThreshold, int UnhealthyThreshold);
internal sealed record ContainerHealthCheck(IReadOnlyList<string> Command, int Interval, int Timeout, int Retries, int StartPeriod);
internal sealed record ServiceSizing(int Cpu, int Memory, int DesiredCount, int MinCapacity, int MaxCapacity);

/// <summary>A variable whose value the container gets from Secrets Manager at start; never a value in the files.</summary>
internal sealed record SecretReference(string Name, string ValueFrom);
