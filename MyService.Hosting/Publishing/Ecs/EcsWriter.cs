using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MyService.Hosting.Publishing.Ecs;

/// <summary>A <see cref="PublishedService"/> as ECS task definition and service JSON (Fargate, awsvpc, ADOT sidecar, EFS for SQLite).</summary>
internal static class EcsWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        // ${...} placeholders and '+' stay readable instead of \u0024-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string WriteTaskDefinition(PublishedService service) => JsonSerializer.Serialize(TaskDefinition(service), Json) + "\n";

    public static string WriteService(PublishedService service) => JsonSerializer.Serialize(Service(service), Json) + "\n";

    public static EcsTaskDefinition TaskDefinition(PublishedService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var logs = new Func<string, EcsLogConfiguration>(prefix => new EcsLogConfiguration("awslogs", new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["awslogs-group"] = $"/ecs/{service.Name}",
            ["awslogs-region"] = "${AWS_REGION}",
            ["awslogs-stream-prefix"] = prefix,
        }));
        var health = service.ContainerHealthCheck;
        var app = new EcsContainerDefinition(
            service.ResourceName,
            service.Image,
            Essential: true,
            service.User,
            Command: null,
            service.Port is { } port ? [new EcsPortMapping("http", port, "tcp", "http")] : null,
            [.. service.Environment.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => new EcsKeyValuePair(v.Key, v.Value))],
            service.Secrets.Select(s => new EcsSecret(s.Name, s.ValueFrom)).ToListOrNull(),
            service.Volumes.Select(v => new EcsMountPoint(v.Name, v.MountPath, ReadOnly: false)).ToListOrNull(),
            service.HasCollectorSidecar ? [new EcsContainerDependency(DeploymentDefaults.CollectorContainerName, "HEALTHY")] : null,
            new EcsHealthCheck(health.Command, health.Interval, health.Timeout, health.Retries, health.StartPeriod),
            logs(service.ResourceName),
            DeploymentDefaults.StopTimeoutSeconds);
        List<EcsContainerDefinition> containers = [app];
        if (service.HasCollectorSidecar)
        {
            // The ADOT image's ECS default configuration: OTLP in on 4317/4318, traces to X-Ray, metrics to CloudWatch.
            containers.Add(new EcsContainerDefinition(
                DeploymentDefaults.CollectorContainerName,
                DeploymentDefaults.CollectorImage,
                Essential: true,
                User: null,
                ["--config=/etc/ecs/ecs-default-config.yaml"],
                PortMappings: null,
                Environment: null,
                Secrets: null,
                MountPoints: null,
                DependsOn: null,
                new EcsHealthCheck(["CMD", "/healthcheck"], 30, 5, 3, 10),
                logs(DeploymentDefaults.CollectorContainerName),
                StopTimeout: null));
        }

        return new EcsTaskDefinition(
            service.Name,
            ["FARGATE"],
            "awsvpc",
            service.Sizing.Cpu.ToString(CultureInfo.InvariantCulture),
            service.Sizing.Memory.ToString(CultureInfo.InvariantCulture),
            $"arn:aws:iam::${{AWS_ACCOUNT_ID}}:role/{service.Name}-execution",
            $"arn:aws:iam::${{AWS_ACCOUNT_ID}}:role/{service.Name}-task",
            new EcsRuntimePlatform("X86_64", "LINUX"),
            containers,
            service.Volumes.Select(v => new EcsVolume(v.Name, new EcsEfsVolumeConfiguration(v.FileSystemId, v.RootDirectory, "ENABLED", new EcsEfsAuthorization("ENABLED")))).ToListOrNull());
    }

    /// <summary>
    /// Rolling deployment with circuit breaker and rollback: 100/200 percent, except for SQLite, where an old and a
    /// new task side by side would be two writers on one file: 0/100 (the old task stops before the new one starts).
    /// </summary>
    public static EcsServiceDefinition Service(PublishedService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var (maximum, minimum) = service.UsesSqlite ? (100, 0) : (200, 100);
        return new EcsServiceDefinition(
            "${ECS_CLUSTER}",
            service.Name,
            service.Name,
            service.Sizing.DesiredCount,
            "FARGATE",
            "LATEST",
            new EcsDeploymentConfiguration(new EcsCircuitBreaker(Enable: true, Rollback: true), maximum, minimum),
            service.Port is null ? null : DeploymentDefaults.HealthCheckGracePeriodSeconds,
            service.Port is { } port ? [new EcsLoadBalancer(Placeholders.Of(service.ResourceName, "TARGET_GROUP_ARN"), service.ResourceName, port)] : null,
            new EcsNetworkConfiguration(new EcsAwsVpcConfiguration(["${PRIVATE_SUBNET_1}", "${PRIVATE_SUBNET_2}"], [Placeholders.Of(service.ResourceName, "SECURITY_GROUP_ID")], "DISABLED")),
            "SERVICE",
            EnableExecuteCommand: false);
    }
}
