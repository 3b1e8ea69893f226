namespace MyService.Hosting.Publishing.Fsd;

// The FSD v1 service file (DESIGN §8), field for field, in the order they are written. Null fields are left out.

public sealed record FsdDocument(string ApiVersion, string Kind, FsdMetadata Metadata, FsdService Service, IReadOnlyList<FsdDependency>? Dependencies);

public sealed record FsdMetadata(string Name, string Pack, IReadOnlyList<string> Owners);

public sealed record FsdService(
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

public sealed record FsdHealthCheck(string Path, int Interval, int Timeout, int HealthyThreshold, int UnhealthyThreshold);

public sealed record FsdResources(int Cpu, int Memory, int DesiredCount, int MinCapacity, int MaxCapacity);

public sealed record FsdAutoScaling(int MinCount, int MaxCount, int TargetCPU, int TargetMemoryUtilization, int ScaleInCooldown, int ScaleOutCooldown);

public sealed record FsdSecret(string Name, string ValueFrom);

public sealed record FsdNetworking(bool Vpc, FsdLoadBalancer? LoadBalancer);

public sealed record FsdLoadBalancer(string Type, bool Internal, string? CertificateArn);

public sealed record FsdObservability(FsdToggle Metrics, FsdTraces Traces, FsdLogs Logs);

public sealed record FsdToggle(bool Enabled);

public sealed record FsdTraces(bool Enabled, string? OtlpEndpoint);

public sealed record FsdLogs(bool Enabled, int Retention);

public sealed record FsdVolume(string Name, FsdEfs Efs, string MountPath);

public sealed record FsdEfs(string FileSystemId, string RootDirectory);

public sealed record FsdDependency(
    string Type,
    string Name,
    IReadOnlyList<string> Permissions,
    IReadOnlyList<FsdAttributeDefinition>? Attributes,
    IReadOnlyList<FsdKeySchemaElement>? KeySchema);

public sealed record FsdAttributeDefinition(string Name, string Type);

public sealed record FsdKeySchemaElement(string AttributeName, string KeyType);
