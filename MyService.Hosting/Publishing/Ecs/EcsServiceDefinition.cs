namespace MyService.Hosting.Publishing.Ecs;

// Input of `aws ecs create-service --cli-input-json` (the ECS API's CreateService request), the fields this
// project sets, in the order they are written. Null fields are left out.

internal sealed record EcsServiceDefinition(
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

internal sealed record EcsDeploymentConfiguration(EcsCircuitBreaker DeploymentCircuitBreaker, int MaximumPercent, int MinimumHealthyPercent);

internal sealed record EcsCircuitBreaker(bool Enable, bool Rollback);

internal sealed record EcsLoadBalancer(string TargetGroupArn, string ContainerName, int ContainerPort);

internal sealed record EcsNetworkConfiguration(EcsAwsVpcConfiguration AwsvpcConfiguration);

internal sealed record EcsAwsVpcConfiguration(IReadOnlyList<string> Subnets, IReadOnlyList<string> SecurityGroups, string AssignPublicIp);
