namespace MyService.Hosting.Publishing.Ecs;

// Input of `aws ecs register-task-definition --cli-input-json` (the ECS API's RegisterTaskDefinition request),
// only the fields this project sets, in the order they are written. Null fields are left out.

public sealed record EcsTaskDefinition(
    string Family,
    IReadOnlyList<string> RequiresCompatibilities,
    string NetworkMode,
    string Cpu,
    string Memory,
    string ExecutionRoleArn,
    string TaskRoleArn,
    EcsRuntimePlatform RuntimePlatform,
    IReadOnlyList<EcsContainerDefinition> ContainerDefinitions,
    IReadOnlyList<EcsVolume>? Volumes);

public sealed record EcsRuntimePlatform(string CpuArchitecture, string OperatingSystemFamily);

public sealed record EcsContainerDefinition(
    string Name,
    string Image,
    bool Essential,
    string? User,
    IReadOnlyList<string>? Command,
    IReadOnlyList<EcsPortMapping>? PortMappings,
    IReadOnlyList<EcsKeyValuePair>? Environment,
    IReadOnlyList<EcsSecret>? Secrets,
    IReadOnlyList<EcsMountPoint>? MountPoints,
    IReadOnlyList<EcsContainerDependency>? DependsOn,
    EcsHealthCheck HealthCheck,
    EcsLogConfiguration LogConfiguration,
    int? StopTimeout);

public sealed record EcsPortMapping(string Name, int ContainerPort, string Protocol, string AppProtocol);

public sealed record EcsKeyValuePair(string Name, string Value);

public sealed record EcsSecret(string Name, string ValueFrom);

public sealed record EcsMountPoint(string SourceVolume, string ContainerPath, bool ReadOnly);

public sealed record EcsContainerDependency(string ContainerName, string Condition);

public sealed record EcsHealthCheck(IReadOnlyList<string> Command, int Interval, int Timeout, int Retries, int StartPeriod);

public sealed record EcsLogConfiguration(string LogDriver, IReadOnlyDictionary<string, string> Options);

public sealed record EcsVolume(string Name, EcsEfsVolumeConfiguration EfsVolumeConfiguration);

public sealed record EcsEfsVolumeConfiguration(string FileSystemId, string RootDirectory, string TransitEncryption, EcsEfsAuthorization AuthorizationConfig);

public sealed record EcsEfsAuthorization(string Iam);
