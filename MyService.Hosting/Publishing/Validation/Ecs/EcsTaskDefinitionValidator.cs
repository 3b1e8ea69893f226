using System.Text.Json;
using MyService.Hosting.Publishing.Model;

namespace MyService.Hosting.Publishing.Validation.Ecs;

/// <summary>
/// Validates a task definition (register-task-definition input) against the rules and, when known, the model: errors
/// for what ECS refuses or what fails at run time, loses data or leaks a secret; warnings for what runs but a reviewer
/// would question.
/// </summary>
internal static class EcsTaskDefinitionValidator
{
    private static readonly string[] LogOptions = ["awslogs-group", "awslogs-region", "awslogs-stream-prefix"];

    public static IReadOnlyList<ValidationProblem> Validate(string file, string text, PublishedService? expected)
    {
        var problems = new ProblemList(file);
        if (EcsJson.Parse(text, problems) is not { } root)
        {
            return problems.Problems;
        }

        var json = new JsonView(problems);
        if (!JsonView.Items(root, "requiresCompatibilities").Any(e => e.ToString() == "FARGATE"))
        {
            problems.Error("requiresCompatibilities", null, "does not include FARGATE.", "set requiresCompatibilities to [\"FARGATE\"].");
        }

        json.Expect(root, "networkMode", "networkMode", "awsvpc", "Fargate tasks use awsvpc networking");
        var (cpu, memory) = (json.Number(root, "cpu", "cpu"), json.Number(root, "memory", "memory"));
        if (cpu is null || memory is null)
        {
            problems.Error("cpu", null, "task cpu and memory are required on Fargate.", "set cpu and memory to a Fargate size, e.g. \"256\" and \"512\".");
        }
        else
        {
            DeploymentRules.FargateSize(problems, "cpu", null, cpu.Value, memory.Value);
        }

        CheckRoles(problems, root);
        var containers = JsonView.Items(root, "containerDefinitions");
        var sidecar = containers.FirstOrDefault(c => JsonView.Text(c, "image")?.Contains("aws-otel-collector", StringComparison.Ordinal) == true);
        // The app's container is the one named after the service; a hand-written file may name it otherwise, then the first.
        var appIndex = Math.Max(0, containers.ToList().FindIndex(c => JsonView.Text(c, "name") == expected?.ResourceName));
        if (containers.Count == 0)
        {
            problems.Error("containerDefinitions", null, "has no container.", "add the service's container.");
            return problems.Problems;
        }

        var volumes = JsonView.Items(root, "volumes").Where(v => JsonView.Get(v, "efsVolumeConfiguration") is not null).Select(v => JsonView.Text(v, "name")).ToHashSet();
        for (var i = 0; i < containers.Count; i++)
        {
            CheckContainer(json, problems, containers[i], $"containerDefinitions[{i}]", isApp: i == appIndex, expected, sidecar, volumes);
        }

        return problems.Problems;
    }

    /// <summary>
    /// A role ARN that is given must be an IAM role ARN (ECS refuses others). Without the execution role Fargate
    /// cannot send awslogs or read secrets (ECS refuses the task definition); without the task role the app has no
    /// AWS permissions, which runs but a reviewer would question.
    /// </summary>
    private static void CheckRoles(ProblemList problems, JsonElement root)
    {
        var containers = JsonView.Items(root, "containerDefinitions");
        var needsExecutionRole = containers.Any(c => JsonView.Text(c, "logConfiguration.logDriver") == "awslogs" || JsonView.Items(c, "secrets").Count > 0);
        foreach (var role in new[] { "executionRoleArn", "taskRoleArn" })
        {
            switch (JsonView.Text(root, role))
            {
                case { } arn when !arn.StartsWith("arn:aws:iam::", StringComparison.Ordinal) || !arn.Contains(":role/", StringComparison.Ordinal):
                    problems.Error(role, null, $"'{arn}' is not an IAM role ARN.", $"set {role} to arn:aws:iam::ACCOUNT:role/NAME.");
                    break;
                case null when role == "executionRoleArn" && needsExecutionRole:
                    problems.Error(role, null, "is missing: Fargate needs the execution role to send awslogs and read secrets.", $"set {role} to arn:aws:iam::ACCOUNT:role/NAME.");
                    break;
                case null when role == "taskRoleArn":
                    problems.Warning(role, null, "is missing: the app's code has no AWS permissions.", $"set {role} to arn:aws:iam::ACCOUNT:role/NAME.");
                    break;
            }
        }
    }

    private static void CheckContainer(
        JsonView json, ProblemList problems, JsonElement container, string at, bool isApp, PublishedService? expected, JsonElement? sidecar, HashSet<string?> efsVolumes)
    {
        if (JsonView.Get(container, "healthCheck") is null)
        {
            // ECS runs a container without one; it only cannot tell that a running container has hung.
            problems.Warning($"{at}.healthCheck", null, "is missing: ECS could not replace a hung container.", "add a healthCheck (the app: its --health-probe; the ADOT sidecar: /healthcheck).");
        }
        else
        {
            json.Range(container, "healthCheck.interval", $"{at}.healthCheck.interval", 5, 300, " seconds");
            json.Range(container, "healthCheck.timeout", $"{at}.healthCheck.timeout", 2, 60, " seconds");
            json.Range(container, "healthCheck.retries", $"{at}.healthCheck.retries", 1, 10, "");
            json.Range(container, "healthCheck.startPeriod", $"{at}.healthCheck.startPeriod", 0, 300, " seconds");
        }

        var logDriver = JsonView.Text(container, "logConfiguration.logDriver");
        if (logDriver != "awslogs")
        {
            problems.Warning($"{at}.logConfiguration", null, $"the log driver is '{logDriver ?? "missing"}', not awslogs: the logs would not reach CloudWatch.",
                "set logDriver awslogs with options awslogs-group, awslogs-region and awslogs-stream-prefix.");
        }
        else if (LogOptions.Any(o => JsonView.Get(container, "logConfiguration.options")?.TryGetProperty(o, out _) != true))
        {
            // The awslogs driver needs group and region to start; on Fargate ECS also requires the stream prefix.
            problems.Error($"{at}.logConfiguration", null, "is awslogs without group, region and stream prefix: the container cannot start its log driver.",
                "set logDriver awslogs with options awslogs-group, awslogs-region and awslogs-stream-prefix.");
        }

        json.Range(container, "stopTimeout", $"{at}.stopTimeout", 2, 120, " seconds");
        foreach (var (secret, index) in JsonView.Items(container, "secrets").Select((s, n) => (s, n)))
        {
            DeploymentRules.SecretArn(problems, $"{at}.secrets[{index}].valueFrom", null, JsonView.Text(secret, "valueFrom"));
        }

        var variables = JsonView.Items(container, "environment").Select((v, n) =>
            new FoundVariable(JsonView.Text(v, "name") ?? "", JsonView.Text(v, "value") ?? "", $"{at}.environment[{n}]", null)).ToList();
        var mounts = JsonView.Items(container, "mountPoints").Where(m => efsVolumes.Contains(JsonView.Text(m, "sourceVolume")))
            .Select(m => JsonView.Text(m, "containerPath")).OfType<string>().ToList();
        DeploymentRules.Environment(problems, variables, sidecar is null ? null : DeploymentDefaults.SidecarOtlpEndpoint, mounts);
        if (!isApp)
        {
            return;
        }

        // 000_205a7571b484f349.txt, Pattern 1 pitfall "Not running as non-root user": the platform's ECS security
        // policy rejects a root container. Left out, the image's USER decides (the Dockerfile check covers it).
        var user = JsonView.Text(container, "user");
        if (user is "root" or "0" || user?.StartsWith("0:", StringComparison.Ordinal) == true)
        {
            problems.Error($"{at}.user", null, "the container runs as root.", $"set user to {DeploymentDefaults.NonRootUser} (the images' non-root $APP_UID).");
        }
        else if (user is null)
        {
            problems.Warning($"{at}.user", null, "is not set: the image's USER decides whether the container runs as root.", $"set user to {DeploymentDefaults.NonRootUser} (the images' non-root $APP_UID).");
        }

        var ports = JsonView.Items(container, "portMappings").Select(p => json.Number(p, "containerPort", $"{at}.portMappings.containerPort")).ToList();
        if (expected?.Port is { } port && !ports.Contains(port))
        {
            problems.Error($"{at}.portMappings", null, $"does not map port {port}, where the app listens (the model's endpoint).", $"add a portMapping with containerPort {port}.");
        }

        if (sidecar is not null && !JsonView.Items(container, "dependsOn").Any(d => JsonView.Text(d, "containerName") == JsonView.Text(sidecar.Value, "name")))
        {
            problems.Warning($"{at}.dependsOn", null, "the app does not wait for the collector sidecar: its first spans may be lost.", "add dependsOn the collector with condition HEALTHY.");
        }
    }
}
