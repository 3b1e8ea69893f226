using MyService.Hosting.Publishing.Model;

namespace MyService.Hosting.Publishing.Validation.Ecs;

/// <summary>
/// Validates a service definition (create-service input): errors for what ECS refuses or what fails (a SQLite service
/// with two tasks, a load balancer that disagrees with the model); warnings for what deploys but a reviewer would
/// question (no circuit breaker, public IPs).
/// </summary>
internal static class EcsServiceValidator
{
    public static IReadOnlyList<ValidationProblem> Validate(string file, string text, PublishedService? expected)
    {
        var problems = new ProblemList(file);
        if (EcsJson.Parse(text, problems) is not { } root)
        {
            return problems.Problems;
        }

        var json = new JsonView(problems);
        // The task definition is Fargate-only: ECS refuses any other launch type for it. A capacity provider strategy
        // replaces launchType (and names FARGATE itself).
        if (JsonView.Get(root, "capacityProviderStrategy") is null)
        {
            json.Expect(root, "launchType", "launchType", "FARGATE", "the task definition is for Fargate");
        }

        // ECS deploys without the circuit breaker: a failing deployment then retries forever instead of rolling back.
        foreach (var (flag, why) in new[] { ("enable", "a failing deployment must stop"), ("rollback", "a failed deployment must roll back") })
        {
            var path = $"deploymentConfiguration.deploymentCircuitBreaker.{flag}";
            if (JsonView.Get(root, path)?.ToString() != "True")
            {
                problems.Warning(path, null, $"is '{JsonView.Get(root, path)?.ToString() ?? "missing"}', expected 'True': {why}.", $"set {path} to true.");
            }
        }

        const string PublicIp = "networkConfiguration.awsvpcConfiguration.assignPublicIp";
        switch (JsonView.Text(root, PublicIp))
        {
            case null or "DISABLED":
                break;
            case "ENABLED":
                problems.Warning(PublicIp, null, "is 'ENABLED': the tasks get public addresses instead of running in private subnets only.", $"set {PublicIp} to DISABLED.");
                break;
            case { } other:
                problems.Error(PublicIp, null, $"is '{other}': ECS accepts ENABLED or DISABLED.", $"set {PublicIp} to DISABLED.");
                break;
        }

        if (JsonView.Items(root, "networkConfiguration.awsvpcConfiguration.subnets").Count == 0)
        {
            problems.Error("networkConfiguration.awsvpcConfiguration.subnets", null, "no subnets.", "list the private subnets (placeholders like ${PRIVATE_SUBNET_1}).");
        }

        var desired = json.Number(root, "desiredCount", "desiredCount");
        var maximum = NotNegative(json, problems, root, "deploymentConfiguration.maximumPercent", " percent");
        NotNegative(json, problems, root, "deploymentConfiguration.minimumHealthyPercent", " percent");
        if (expected?.SingleTask == true)
        {
            if (desired is { } count)
            {
                DeploymentRules.SingleSqliteTask(problems, "desiredCount", null, count);
            }

            // Left out, ECS uses 200 percent.
            if ((maximum ?? 200) > 100)
            {
                problems.Error("deploymentConfiguration.maximumPercent", null, $"{maximum ?? 200} runs the new task beside the old one: two writers on one SQLite file.",
                    "set maximumPercent 100 and minimumHealthyPercent 0 for a SQLite service, or graduate to DynamoDB.");
            }
        }

        var loadBalancers = JsonView.Items(root, "loadBalancers");
        if (expected is { Port: null } && loadBalancers.Count > 0)
        {
            problems.Error("loadBalancers", null, $"'{expected.ResourceName}' is not load balanced in the app model (a worker: no HTTP endpoint, or LoadBalanced = false).", "remove loadBalancers and healthCheckGracePeriodSeconds.");
        }
        else if (expected?.Port is { } port)
        {
            if (loadBalancers.Count == 0)
            {
                problems.Error("loadBalancers", null, "is missing for a service with an HTTP endpoint.", $"add the target group with containerName {expected.ResourceName} and containerPort {port}.");
            }
            else if (loadBalancers.Any(lb => json.Number(lb, "containerPort", "loadBalancers.containerPort") != port))
            {
                problems.Error("loadBalancers.containerPort", null, $"is not {port}, where the app listens (the model's endpoint).", $"set containerPort {port}.");
            }

            if (NotNegative(json, problems, root, "healthCheckGracePeriodSeconds", " seconds") is null)
            {
                problems.Warning("healthCheckGracePeriodSeconds", null, "is not set: a slow start can be killed by the load balancer's health check.", $"set it, e.g. {DeploymentDefaults.HealthCheckGracePeriodSeconds}.");
            }
        }

        return problems.Problems;
    }

    /// <summary>ECS bounds these only below (0); above, any value is accepted.</summary>
    private static int? NotNegative(JsonView json, ProblemList problems, System.Text.Json.JsonElement root, string path, string unit)
    {
        var value = json.Number(root, path, path);
        if (value < 0)
        {
            problems.Error(path, null, $"{value}{unit} is negative, which ECS refuses.", $"set {path} to 0 or more.");
        }

        return value;
    }
}
