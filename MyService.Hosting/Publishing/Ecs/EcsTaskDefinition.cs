namespace MyService.Hosting.Publishing.Ecs;

// Input of `aws ecs register-task-definition --cli-input-json` (the ECS API's RegisterTaskDefinition request),
// only the fields this project sets, in the order they are written. Null fields are left out.

internal sealed record EcsTaskDefinition(
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

internal sealed record EcsRuntimePlatform(string CpuArchitecture, string OperatingSystemFamily);

internal sealed record EcsContainerDefinition(
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

internal sealed record EcsPortMapping(string Name, int ContainerPort, string Protocol, string AppProtocol);

internal sealed record EcsKeyValuePair(string Name, string Value);

internal sealed record EcsSecret(string Name, string ValueFrom);

internal sealed record EcsMountPoint(string SourceVolume, string ContainerPath, bool ReadOnly);

internal sealed record EcsContainerDependency(string ContainerName, string Condition);

internal sealed record EcsHealthCheck(IReadOnlyList<string> Command, int Interval, int Timeout, int Retries, int StartPeriod);

internal sealed record EcsLogConfiguration(string LogDriver, IReadOnlyDictionary<string, string> Options);

internal sealed record EcsVolume(string Name, EcsEfsVolumeConfiguration EfsVolumeConfiguration);

internal sealed record EcsEfsVolumeConfiguration(string FileSystemId, string RootDirectory, string TransitEncryption, EcsEfsAuthorization AuthorizationConfig);

internal sealed record EcsEfsAuthorization(string Iam);
