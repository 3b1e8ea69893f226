namespace MyService.Hosting.Publishing;

/// <summary>
/// One deployable service as the model describes it, in publish form, for one environment (or none: the base
/// values). The FSD file, the ECS JSON and the workflow are all written from this, so they cannot disagree.
/// </summary>
internal sealed record PublishedService
{
    /// <summary>The resource name: file names (<c>api.yml</c>), container name, log stream prefix.</summary>
    public required string ResourceName { get; init; }

    /// <summary><c>{application}-{resource}</c>; with <c>-${ENV}</c> the name of everything deployed.</summary>
    public required string BaseName { get; init; }

    public string Name => $"{BaseName}-{DeploymentDefaults.EnvironmentPlaceholder}";

    /// <summary>The project's folder relative to the repository root, with '/' (the Dockerfile is there).</summary>
    public required string ProjectFolder { get; init; }

    /// <summary>The project's folder on this machine, for the Dockerfile check.</summary>
    public required string ProjectDirectory { get; init; }

    public required string Pack { get; init; }

    public required IReadOnlyList<string> Owners { get; init; }

    public string Image => $"${{ECR_REGISTRY}}/{BaseName}:${{IMAGE_TAG}}";

    /// <summary>The container port behind the load balancer; null for a service without one (a worker).</summary>
    public int? Port { get; init; }

    /// <summary>The port the app listens on: <see cref="Port"/>, or a health-only endpoint's (not load balanced).</summary>
    public int? ListenPort { get; init; }

    public bool IsExternal { get; init; }

    public string? CertificateArn { get; init; }

    /// <summary>Present exactly when there is an HTTP endpoint: the ALB's health check.</summary>
    public LoadBalancerHealthCheck? LoadBalancerHealthCheck { get; init; }

    public required ContainerHealthCheck ContainerHealthCheck { get; init; }

    public required ServiceSizing Sizing { get; init; }

    public required AutoScalingSettings AutoScaling { get; init; }

    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    public required IReadOnlyList<SecretReference> Secrets { get; init; }

    public required IReadOnlyList<PublishedVolume> Volumes { get; init; }

    public required IReadOnlyList<PublishedDependency> Dependencies { get; init; }

    /// <summary>An OTLP collector is in the model: the task gets the ADOT sidecar and traces go to it.</summary>
    public bool HasCollectorSidecar { get; init; }

    public required int LogRetentionDays { get; init; }

    public required string User { get; init; }

    public bool UsesSqlite => Volumes.Count > 0;
}

internal sealed record LoadBalancerHealthCheck(string Path, int Interval, int Timeout, int HealthyThreshold, int UnhealthyThreshold);

internal sealed record ContainerHealthCheck(IReadOnlyList<string> Command, int Interval, int Timeout, int Retries, int StartPeriod);

internal sealed record ServiceSizing(int Cpu, int Memory, int DesiredCount, int MinCapacity, int MaxCapacity);

internal sealed record AutoScalingSettings(int TargetCpuUtilization, int TargetMemoryUtilization, int ScaleInCooldown, int ScaleOutCooldown);

/// <summary>A variable whose value the container gets from Secrets Manager at start; never a value in the files.</summary>
internal sealed record SecretReference(string Name, string ValueFrom);

/// <summary>A persistent EFS volume (a SQLite data volume when published).</summary>
internal sealed record PublishedVolume(string Name, string FileSystemId, string RootDirectory, string MountPath);

internal sealed record PublishedDependency(
    string Type,
    string Name,
    IReadOnlyList<string> Permissions,
    IReadOnlyList<AttributeDefinition> Attributes,
    IReadOnlyList<KeySchemaElement> KeySchema);

internal sealed record AttributeDefinition(string Name, string Type);

internal sealed record KeySchemaElement(string AttributeName, string KeyType);
