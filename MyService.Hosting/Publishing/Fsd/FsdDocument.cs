namespace MyService.Hosting.Publishing.Fsd;

// The FSD v1 service file (docs/DEPLOYMENT.md), field for field, in the order they are written. Null fields are left out.

internal sealed record FsdDocument(string ApiVersion, string Kind, FsdMetadata Metadata, FsdService Service, IReadOnlyList<FsdDependency>? Dependencies);

internal sealed record FsdMetadata(string Name, string Pack, IReadOnlyList<string> Owners);

internal sealed record FsdService(
    string Type,
    string Image,
    int? Port,
    FsdHealthCheck? HealthCheck,
    FsdResources Resources,
    FsdAutoScaling AutoScaling,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<FsdSecret>? Secrets,
    FsdNetworking Networking,
    FsdObservability Observability,
    IReadOnlyList<FsdVolume>? Volumes);

internal sealed record FsdHealthCheck(string Path, int Interval, int Timeout, int HealthyThreshold, int UnhealthyThreshold);

internal sealed record FsdResources(int Cpu, int Memory, int DesiredCount, int MinCapacity, int MaxCapacity);

internal sealed record FsdAutoScaling(int MinCount, int MaxCount, int TargetCPU, int TargetMemoryUtilization, int ScaleInCooldown, int ScaleOutCooldown);

internal sealed record FsdSecret(string Name, string ValueFrom);

internal sealed record FsdNetworking(bool Vpc, FsdLoadBalancer? LoadBalancer);

internal sealed record FsdLoadBalancer(string Type, bool Internal, string? CertificateArn);

internal sealed record FsdObservability(FsdToggle Metrics, FsdTraces Traces, FsdLogs Logs);

internal sealed record FsdToggle(bool Enabled);

internal sealed record FsdTraces(bool Enabled, string? OtlpEndpoint);

internal sealed record FsdLogs(bool Enabled, int Retention);

internal sealed record FsdVolume(string Name, FsdEfs Efs, string MountPath);

internal sealed record FsdEfs(string FileSystemId, string RootDirectory);

internal sealed record FsdDependency(
    string Type,
    string Name,
    IReadOnlyList<string> Permissions,
    IReadOnlyList<FsdAttributeDefinition>? Attributes,
    IReadOnlyList<FsdKeySchemaElement>? KeySchema);

internal sealed record FsdAttributeDefinition(string Name, string Type);

internal sealed record FsdKeySchemaElement(string AttributeName, string KeyType);
