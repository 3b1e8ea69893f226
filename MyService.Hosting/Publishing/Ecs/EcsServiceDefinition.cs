namespace MyService.Hosting.Publishing.Ecs;

// Input of `aws ecs create-service --cli-input-json` (the ECS API's CreateService request), the fields this
// project sets, in the order they are written. Null fields are left out.

public sealed record EcsServiceDefinition(
    string Cluster,
    string ServiceName,
    string TaskDefinition,
    int DesiredCount,
    string LaunchType,
    string PlatformVersion,
    EcsDeploymentConfiguration DeploymentConfiguration,
    int? HealthCheckGracePeriodSeconds,
    IReadOnlyList<EcsLoadBalancer>? LoadBalancers,
    EcsNetworkConfiguration NetworkConfiguration,
    string PropagateTags,
    bool EnableExecuteCommand);

public sealed record EcsDeploymentConfiguration(EcsCircuitBreaker DeploymentCircuitBreaker, int MaximumPercent, int MinimumHealthyPercent);

public sealed record EcsCircuitBreaker(bool Enable, bool Rollback);

public sealed record EcsLoadBalancer(string TargetGroupArn, string ContainerName, int ContainerPort);

public sealed record EcsNetworkConfiguration(EcsAwsVpcConfiguration AwsvpcConfiguration);

public sealed record EcsAwsVpcConfiguration(IReadOnlyList<string> Subnets, IReadOnlyList<string> SecurityGroups, string AssignPublicIp);
