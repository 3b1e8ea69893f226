using System.Text.Json;
using MyService.Hosting.Publishing.Model;
using YamlDotNet.RepresentationModel;

namespace MyService.Hosting.Publishing.Validation.Ecs;

/// <summary>
/// Validates ECS JSON, a task definition (register-task-definition input) or a service (create-service input), against the rules and
/// the model: errors for what ECS refuses, fails, loses data or leaks a secret; warnings for what runs but a reviewer would question.
/// </summary>
internal static class EcsValidator
{
    private const string RoleFix = "to arn:aws:iam::ACCOUNT:role/NAME.";
    private static readonly string[] LogOptions = ["awslogs-group", "awslogs-region", "awslogs-stream-prefix"];

    /// <summary>A task definition (register-task-definition input), against the model's service when there is one.</summary>
    public static void TaskDefinition(YamlView v, PublishedService? expected)
    {
        v.ErrorIf(!v.Texts("requiresCompatibilities").Contains("FARGATE"), "requiresCompatibilities", "does not include FARGATE.", "set requiresCompatibilities to [\"FARGATE\"].");
        v.ErrorIf(v.Text("networkMode") != "awsvpc", "networkMode", $"is '{v.Text("networkMode") ?? "missing"}', expected 'awsvpc': Fargate tasks use awsvpc networking.", "set networkMode to awsvpc.");
        var (cpu, memory) = (v.Integer("cpu"), v.Integer("memory"));
        v.ErrorIf(cpu is null || memory is null, "cpu", "task cpu and memory are required on Fargate.", "set cpu and memory to a Fargate size, e.g. \"256\" and \"512\".");
        DeploymentRules.FargateSize(v, "cpu", cpu, memory);
        var containers = v.Items("containerDefinitions");
        // ECS refuses a role ARN that is not an IAM role's, or no execution role where awslogs or secrets need one; no task role runs.
        var needsExecutionRole = containers.Any(c => c.Text("logConfiguration.logDriver") == "awslogs" || c.Items("secrets").Count > 0);
        foreach (var role in new[] { "executionRoleArn", "taskRoleArn" })
        {
            var arn = v.Text(role);
            v.ErrorIf(arn is not null && (!arn.StartsWith("arn:aws:iam::", StringComparison.Ordinal) || !arn.Contains(":role/", StringComparison.Ordinal)), role, $"'{arn}' is not an IAM role ARN.", $"set {role} {RoleFix}");
        }

        v.ErrorIf(v.Text("executionRoleArn") is null && needsExecutionRole, "executionRoleArn", "is missing: Fargate needs the execution role to send awslogs and read secrets.", $"set executionRoleArn {RoleFix}");
        v.WarningIf(v.Text("taskRoleArn") is null, "taskRoleArn", "is missing: the app's code has no AWS permissions.", $"set taskRoleArn {RoleFix}");
        if (containers.Count == 0)
        {
            v.Error("containerDefinitions", "has no container.", "add the service's container.");
            return;
        }

        var sidecar = containers.FirstOrDefault(c => c.Text("image")?.Contains("aws-otel-collector", StringComparison.Ordinal) == true);
        // The app's container is the one named after the service; a hand-written file may name it otherwise, then the first.
        var app = containers.FirstOrDefault(c => c.Text("name") == expected?.ResourceName) ?? containers[0];
        var efsVolumes = v.Items("volumes").Where(volume => volume.Get("efsVolumeConfiguration") is not null).Select(volume => volume.Text("name")).ToHashSet();
        foreach (var container in containers)
        {
            CheckContainer(container, efsVolumes, sidecar is not null);
        }

        // The platform's ECS policy rejects a root container (000_205a7571b484f349.txt, Pattern 1); left out, the image's USER decides.
        const string UserFix = $"set user to {DeploymentDefaults.NonRootUser} (the images' non-root $APP_UID).";
        var user = app.Text("user");
        app.ErrorIf(user is "root" or "0" || user?.StartsWith("0:", StringComparison.Ordinal) == true, "user", "the container runs as root.", UserFix);
        app.WarningIf(user is null, "user", "is not set: the image's USER decides whether the container runs as root.", UserFix);
        var ports = app.Items("portMappings").Select(p => p.Integer("containerPort")).ToList();
        app.ErrorIf(expected?.Port is { } port && !ports.Contains(port), "portMappings",
            $"does not map port {expected?.Port}, where the app listens (the model's endpoint).", $"add a portMapping with containerPort {expected?.Port}.");
        app.WarningIf(sidecar is not null && !app.Items("dependsOn").Any(d => d.Text("containerName") == sidecar.Text("name")), "dependsOn",
            "the app does not wait for the collector sidecar: its first spans may be lost.", "add dependsOn the collector with condition HEALTHY.");
    }

    private static void CheckContainer(YamlView container, HashSet<string?> efsVolumes, bool hasSidecar)
    {
        // ECS runs a container without one; it only cannot tell that a running container has hung.
        container.WarningIf(container.Get("healthCheck") is null, "healthCheck", "is missing: ECS could not replace a hung container.", "add a healthCheck (the app: its --health-probe; the ADOT sidecar: /healthcheck).");
        container.Range("healthCheck.interval", 5, 300, " seconds");
        container.Range("healthCheck.timeout", 2, 60, " seconds");
        container.Range("healthCheck.retries", 1, 10);
        container.Range("healthCheck.startPeriod", 0, 300, " seconds");
        const string LogFix = "set logDriver awslogs with options awslogs-group, awslogs-region and awslogs-stream-prefix.";
        var logDriver = container.Text("logConfiguration.logDriver");
        container.WarningIf(logDriver != "awslogs", "logConfiguration", $"the log driver is '{logDriver ?? "missing"}', not awslogs: the logs would not reach CloudWatch.", LogFix);
        // The awslogs driver needs group and region to start; on Fargate ECS also requires the stream prefix.
        container.ErrorIf(logDriver == "awslogs" && LogOptions.Any(o => container.Get($"logConfiguration.options.{o}") is null),
            "logConfiguration", "is awslogs without group, region and stream prefix: the container cannot start its log driver.", LogFix);
        container.Range("stopTimeout", 2, 120, " seconds");
        foreach (var secret in container.Items("secrets"))
        {
            DeploymentRules.SecretArn(secret);
        }

        var variables = container.Items("environment").Select(e => new FoundVariable(e.Text("name") ?? "", e.Text("value") ?? "", e.FieldOf(""), e.Line(""))).ToList();
        var mounts = container.Items("mountPoints").Where(m => efsVolumes.Contains(m.Text("sourceVolume"))).Select(m => m.Text("containerPath")).OfType<string>().ToList();
        DeploymentRules.Environment(container.Problems, variables, hasSidecar ? DeploymentDefaults.SidecarOtlpEndpoint : null, mounts);
    }

    /// <summary>A service (create-service input), against the model's service when there is one.</summary>
    public static void Service(YamlView v, PublishedService? expected)
    {
        // ECS refuses another launch type for a Fargate task definition; a capacity provider strategy replaces launchType.
        v.ErrorIf(v.Get("capacityProviderStrategy") is null && v.Text("launchType") != "FARGATE", "launchType",
            $"is '{v.Text("launchType") ?? "missing"}', expected 'FARGATE': the task definition is for Fargate.", "set launchType to FARGATE.");

        // ECS deploys without the circuit breaker: a failing deployment then retries forever instead of rolling back.
        foreach (var (flag, why) in new[] { ("enable", "a failing deployment must stop"), ("rollback", "a failed deployment must roll back") })
        {
            var path = $"deploymentConfiguration.deploymentCircuitBreaker.{flag}";
            v.WarningIf(v.Flag(path) != true, path, $"is '{v.Text(path) ?? "missing"}', expected 'true': {why}.", $"set {path} to true.");
        }

        const string PublicIp = "networkConfiguration.awsvpcConfiguration.assignPublicIp";
        var publicIp = v.Text(PublicIp);
        v.WarningIf(publicIp == "ENABLED", PublicIp, "is 'ENABLED': the tasks get public addresses instead of running in private subnets only.", $"set {PublicIp} to DISABLED.");
        v.ErrorIf(publicIp is not (null or "ENABLED" or "DISABLED"), PublicIp, $"is '{publicIp}': ECS accepts ENABLED or DISABLED.", $"set {PublicIp} to DISABLED.");
        v.ErrorIf(v.Items("networkConfiguration.awsvpcConfiguration.subnets").Count == 0, "networkConfiguration.awsvpcConfiguration.subnets", "no subnets.", "list the private subnets (placeholders like ${PRIVATE_SUBNET_1}).");
        var desired = v.Integer("desiredCount");
        var maximum = NotNegative(v, "deploymentConfiguration.maximumPercent", " percent");
        NotNegative(v, "deploymentConfiguration.minimumHealthyPercent", " percent");
        if (expected?.SingleTask == true)
        {
            DeploymentRules.SingleSqliteTask(v, "desiredCount", desired);
            // Left out, ECS uses 200 percent.
            v.ErrorIf((maximum ?? 200) > 100, "deploymentConfiguration.maximumPercent", $"{maximum ?? 200} runs the new task beside the old one: two writers on one SQLite file.",
                "set maximumPercent 100 and minimumHealthyPercent 0 for a SQLite service, or graduate to DynamoDB.");
        }

        var loadBalancers = v.Items("loadBalancers");
        v.ErrorIf(expected is { Port: null } && loadBalancers.Count > 0, "loadBalancers",
            $"'{expected?.ResourceName}' is not load balanced in the app model (a worker: no HTTP endpoint, or LoadBalanced = false).", "remove loadBalancers and healthCheckGracePeriodSeconds.");
        if (expected?.Port is { } port)
        {
            v.ErrorIf(loadBalancers.Count == 0, "loadBalancers", "is missing for a service with an HTTP endpoint.", $"add the target group with containerName {expected.ResourceName} and containerPort {port}.");
            v.ErrorIf(loadBalancers.Any(lb => lb.Integer("containerPort") != port), "loadBalancers.containerPort", $"is not {port}, where the app listens (the model's endpoint).", $"set containerPort {port}.", at: "loadBalancers");
            v.WarningIf(NotNegative(v, "healthCheckGracePeriodSeconds", " seconds") is null, "healthCheckGracePeriodSeconds",
                "is not set: a slow start can be killed by the load balancer's health check.", $"set it, e.g. {DeploymentDefaults.HealthCheckGracePeriodSeconds}.");
        }
    }

    /// <summary>ECS bounds these only below (0); above, any value is accepted.</summary>
    private static int? NotNegative(YamlView v, string path, string unit)
    {
        var value = v.Integer(path);
        v.ErrorIf(value < 0, path, $"{value}{unit} is negative, which ECS refuses.", $"set {path} to 0 or more.");
        return value;
    }

    /// <summary>
    /// Runs the rules on the file's object, read as YAML for its line numbers. The JSON parser checks the syntax first:
    /// YAML accepts what the AWS CLI does not (comments, trailing commas, bare words).
    /// </summary>
    public static List<ValidationProblem> Validate(string file, string text, Action<YamlView> rules)
    {
        var problems = new ProblemList(file);
        try
        {
            using var document = JsonDocument.Parse(text);
            problems.ErrorIf(document.RootElement.ValueKind != JsonValueKind.Object, "(file)", 1, "is not a JSON object.", "the file is the --cli-input-json object.");
        }
        catch (JsonException ex)
        {
            problems.Error("(file)", (int?)(ex.LineNumber + 1), $"is not valid JSON: {ex.Message}", "fix the JSON syntax at that line.");
        }

        // Nothing reported yet: the text is one JSON object.
        if (problems.Problems.Count == 0 && YamlView.Load(text, problems, "JSON") is [YamlMappingNode root])
        {
            rules(new YamlView(root, "", problems));
        }

        return problems.Problems;
    }
}
