using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MyService.Hosting.Publishing.Model;

namespace MyService.Hosting.Publishing.Ecs;

/// <summary>A <see cref="PublishedService"/> as <c>aws ecs register-task-definition</c> and <c>create-service</c> input: Fargate, awsvpc, the sidecar, EFS; fields in the API's order, absent ones left out.</summary>
internal static class EcsWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        // ${...} placeholders and '+' stay readable instead of \u0024-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string WriteTaskDefinition(PublishedService service) => TaskDefinition(service).ToJsonString(Json) + "\n";
    public static string WriteService(PublishedService service) => Service(service).ToJsonString(Json) + "\n";

    private static JsonObject TaskDefinition(PublishedService service)
    {
        var health = service.ContainerHealthCheck;
        var app = Container(
            service, service.ResourceName, service.Image, service.Settings.User, command: null,
            service.Port is { } port ? Array(Obj(("name", "http"), ("containerPort", port), ("protocol", "tcp"), ("appProtocol", "http"))) : null,
            Array([.. service.Environment.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => Obj(("name", v.Key), ("value", v.Value)))]),
            Array([.. service.Secrets.Select(s => Obj(("name", s.Name), ("valueFrom", s.ValueFrom)))]),
            Array([.. service.Volumes.Select(v => Obj(("sourceVolume", v.Name), ("containerPath", v.MountPath), ("readOnly", false)))]),
            service.Sidecar is { } s ? Array(Obj(("containerName", s.Name), ("condition", "HEALTHY"))) : null,
            HealthCheck(health.Command, health.Interval, health.Timeout, health.Retries, health.StartPeriod),
            DeploymentDefaults.StopTimeoutSeconds);
        var containers = new JsonArray(app);
        if (service.Sidecar is { } sidecar)
        {
            containers.Add(Container(service, sidecar.Name, sidecar.Image, user: null, Strings(sidecar.Command), null, null, null, null, null,
                HealthCheck(sidecar.HealthCheckCommand, 30, 5, 3, 10), stopTimeout: null));
        }

        return Obj(
            ("family", service.Name),
            ("requiresCompatibilities", Strings(["FARGATE"])),
            ("networkMode", "awsvpc"),
            ("cpu", service.Sizing.Cpu.ToString(CultureInfo.InvariantCulture)),
            ("memory", service.Sizing.Memory.ToString(CultureInfo.InvariantCulture)),
            ("executionRoleArn", $"arn:aws:iam::${{AWS_ACCOUNT_ID}}:role/{service.Name}-execution"),
            ("taskRoleArn", $"arn:aws:iam::${{AWS_ACCOUNT_ID}}:role/{service.Name}-task"),
            ("runtimePlatform", Obj(("cpuArchitecture", "X86_64"), ("operatingSystemFamily", "LINUX"))),
            ("containerDefinitions", containers),
            ("volumes", Array([.. service.Volumes.Select(v => Obj(("name", v.Name), ("efsVolumeConfiguration", Obj(
                ("fileSystemId", v.FileSystemId), ("rootDirectory", v.RootDirectory), ("transitEncryption", "ENABLED"), ("authorizationConfig", Obj(("iam", "ENABLED")))))))])));
    }

    /// <summary>Rolling deployment with circuit breaker and rollback at 100/200 %; a single-task service 0/100 (old and new side by side would be two writers).</summary>
    private static JsonObject Service(PublishedService service)
    {
        var (maximum, minimum) = service.SingleTask ? (100, 0) : (200, 100);
        return Obj(
            ("cluster", "${ECS_CLUSTER}"),
            ("serviceName", service.Name),
            ("taskDefinition", service.Name),
            ("desiredCount", service.Sizing.DesiredCount),
            ("launchType", "FARGATE"),
            ("platformVersion", "LATEST"),
            ("deploymentConfiguration", Obj(("deploymentCircuitBreaker", Obj(("enable", true), ("rollback", true))), ("maximumPercent", maximum), ("minimumHealthyPercent", minimum))),
            ("healthCheckGracePeriodSeconds", service.Port is null ? null : DeploymentDefaults.HealthCheckGracePeriodSeconds),
            ("loadBalancers", service.Port is { } port
                ? Array(Obj(("targetGroupArn", Placeholders.Of(service.ResourceName, "TARGET_GROUP_ARN")), ("containerName", service.ResourceName), ("containerPort", port)))
                : null),
            ("networkConfiguration", Obj(("awsvpcConfiguration", Obj(
                ("subnets", Strings(["${PRIVATE_SUBNET_1}", "${PRIVATE_SUBNET_2}"])),
                ("securityGroups", Strings([Placeholders.Of(service.ResourceName, "SECURITY_GROUP_ID")])),
                ("assignPublicIp", "DISABLED"))))),
            ("propagateTags", "SERVICE"),
            ("enableExecuteCommand", false));
    }

    private static JsonObject Container(
        PublishedService service, string name, string image, string? user, JsonArray? command, JsonArray? ports, JsonArray? environment, JsonArray? secrets,
        JsonArray? mounts, JsonArray? dependsOn, JsonObject healthCheck, int? stopTimeout) => Obj(
        ("name", name), ("image", image), ("essential", true), ("user", user), ("command", command), ("portMappings", ports), ("environment", environment),
        ("secrets", secrets), ("mountPoints", mounts), ("dependsOn", dependsOn), ("healthCheck", healthCheck),
        ("logConfiguration", Obj(("logDriver", "awslogs"), ("options", Obj(
            ("awslogs-group", $"/ecs/{service.Name}"), ("awslogs-region", "${AWS_REGION}"), ("awslogs-stream-prefix", name))))),
        ("stopTimeout", stopTimeout));

    private static JsonObject HealthCheck(IReadOnlyList<string> command, int interval, int timeout, int retries, int startPeriod) =>
        Obj(("command", Strings(command)), ("interval", interval), ("timeout", timeout), ("retries", retries), ("startPeriod", startPeriod));

    /// <summary>An object without its null (absent) fields.</summary>
    private static JsonObject Obj(params (string Name, JsonNode? Value)[] fields) =>
        new(fields.Where(f => f.Value is not null).Select(f => KeyValuePair.Create(f.Name, f.Value)));

    /// <summary>Empty lists are left out rather than written as <c>[]</c>.</summary>
    private static JsonArray? Array(params JsonNode?[] items) => items.Length > 0 ? new JsonArray(items) : null;

    private static JsonArray Strings(IEnumerable<string> items) => new([.. items.Select(i => (JsonNode?)i)]);
}
