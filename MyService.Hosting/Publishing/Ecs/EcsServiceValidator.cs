using MyService.Hosting.Publishing.Validation;

namespace MyService.Hosting.Publishing.Ecs;

/// <summary>Validates a service definition (create-service input): safe deployments, private networking, load balancer only with an endpoint.</summary>
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
        json.Expect(root, "launchType", "launchType", "FARGATE", "the task definition is for Fargate");
        json.Expect(root, "deploymentConfiguration.deploymentCircuitBreaker.enable", "deploymentConfiguration.deploymentCircuitBreaker.enable", "True", "a failing deployment must stop");
        json.Expect(root, "deploymentConfiguration.deploymentCircuitBreaker.rollback", "deploymentConfiguration.deploymentCircuitBreaker.rollback", "True", "a failed deployment must roll back");
        json.Expect(root, "networkConfiguration.awsvpcConfiguration.assignPublicIp", "networkConfiguration.awsvpcConfiguration.assignPublicIp", "DISABLED", "tasks run in private subnets");
        if (JsonView.Items(root, "networkConfiguration.awsvpcConfiguration.subnets").Count == 0)
        {
            problems.Error("networkConfiguration.awsvpcConfiguration.subnets", null, "no subnets.", "list the private subnets (placeholders like ${PRIVATE_SUBNET_1}).");
        }

        var desired = json.Number(root, "desiredCount", "desiredCount");
        var maximum = json.Range(root, "deploymentConfiguration.maximumPercent", "deploymentConfiguration.maximumPercent", 100, 200, " percent");
        json.Range(root, "deploymentConfiguration.minimumHealthyPercent", "deploymentConfiguration.minimumHealthyPercent", 0, 100, " percent");
        if (expected?.UsesSqlite == true)
        {
            DeploymentRules.SingleSqliteTask(problems, "desiredCount", null, desired ?? 0);
            if (maximum > 100)
            {
                problems.Error("deploymentConfiguration.maximumPercent", null, $"{maximum} runs the new task beside the old one: two writers on one SQLite file.",
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

            if (json.Range(root, "healthCheckGracePeriodSeconds", "healthCheckGracePeriodSeconds", 0, 600, " seconds") is null)
            {
                problems.Warning("healthCheckGracePeriodSeconds", null, "is not set: a slow start can be killed by the load balancer's health check.", $"set it, e.g. {DeploymentDefaults.HealthCheckGracePeriodSeconds}.");
            }
        }

        return problems.Problems;
    }
}
