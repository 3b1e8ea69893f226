namespace MyService.Tests.Publishing;

/// <summary>The rules on the ECS JSON: a published file broken in one place, and the problem validate reports for it.</summary>
public sealed class EcsValidationRuleTests(PublishedModelsFixture models) : IClassFixture<PublishedModelsFixture>
{
    [Theory]
    [InlineData("\"interval\": 30", "\"interval\": 4", "containerDefinitions[0].healthCheck.interval", "outside the allowed range 5-300")]
    [InlineData("\"timeout\": 5", "\"timeout\": 61", "containerDefinitions[0].healthCheck.timeout", "outside the allowed range 2-60")]
    [InlineData("\"retries\": 3", "\"retries\": 11", "containerDefinitions[0].healthCheck.retries", "outside the allowed range 1-10")]
    [InlineData("\"startPeriod\": 20", "\"startPeriod\": 301", "containerDefinitions[0].healthCheck.startPeriod", "outside the allowed range 0-300")]
    [InlineData("\"memory\": \"512\"", "\"memory\": \"3072\"", "cpu", "not a Fargate task size")]
    [InlineData("\"networkMode\": \"awsvpc\"", "\"networkMode\": \"bridge\"", "networkMode", "expected 'awsvpc'")]
    [InlineData("\"user\": \"1654\"", "\"user\": \"root\"", "containerDefinitions[0].user", "runs as root")]
    [InlineData("\"containerPort\": 8080", "\"containerPort\": 80", "containerDefinitions[0].portMappings", "does not map port 8080")]
    [InlineData("\"awslogs-stream-prefix\": \"web\"", "\"awslogs-stream-prefi\": \"web\"", "containerDefinitions[0].logConfiguration", "stream prefix")]
    [InlineData("\"valueFrom\": \"arn:aws:secretsmanager:${AWS_REGION}:${AWS_ACCOUNT_ID}:secret:testapp/${ENV}/payment-api-key\"", "\"valueFrom\": \"payment-api-key\"", "containerDefinitions[0].secrets[0].valueFrom", "not a full Secrets Manager")]
    [InlineData("\"value\": \"${FEATURE_FLAG}\"", "\"value\": \"http://localhost:9000\"", "containerDefinitions[0].environment[5]", "localhost/loopback")]
    [InlineData("\"stopTimeout\": 30", "\"stopTimeout\": 121", "containerDefinitions[0].stopTimeout", "outside the allowed range 2-120")]
    [InlineData("\"user\": \"1654\"", "\"user\": \"0:0\"", "containerDefinitions[0].user", "runs as root")]
    [InlineData("\"FARGATE\"\n  ],", "\"EC2\"\n  ],", "requiresCompatibilities", "does not include FARGATE")]
    [InlineData("\"cpu\": \"256\",", "", "cpu", "required on Fargate")]
    [InlineData("\"executionRoleArn\": \"arn:aws:iam::${AWS_ACCOUNT_ID}:role/testapp-web-${ENV}-execution\",", "", "executionRoleArn", "needs the execution role")]
    [InlineData("\"taskRoleArn\": \"arn:aws:iam::", "\"taskRoleArn\": \"arn:aws:sts::", "taskRoleArn", "is not an IAM role ARN")]
    public void A_broken_task_definition_is_reported(string find, string replace, string field, string message) =>
        AssertReported(models.Second, "ecs/web.task-definition.json", find, replace, field, message);

    [Theory]
    [InlineData("\"containerPort\": 8080", "\"containerPort\": 8000", "loadBalancers.containerPort", "is not 8080")]
    [InlineData("\"assignPublicIp\": \"DISABLED\"", "\"assignPublicIp\": \"YES\"", "networkConfiguration.awsvpcConfiguration.assignPublicIp", "ECS accepts ENABLED or DISABLED")]
    [InlineData("\"launchType\": \"FARGATE\"", "\"launchType\": \"EC2\"", "launchType", "expected 'FARGATE'")]
    [InlineData("\"${PRIVATE_SUBNET_1}\",\n        \"${PRIVATE_SUBNET_2}\"", "", "networkConfiguration.awsvpcConfiguration.subnets", "no subnets")]
    [InlineData("\"loadBalancers\": [", "\"loadBalancerz\": [", "loadBalancers", "is missing for a service with an HTTP endpoint")]
    [InlineData("\"healthCheckGracePeriodSeconds\": 60", "\"healthCheckGracePeriodSeconds\": -1", "healthCheckGracePeriodSeconds", "is negative, which ECS refuses")]
    public void A_broken_service_definition_is_reported(string find, string replace, string field, string message) =>
        AssertReported(models.Second, "ecs/web.service.json", find, replace, field, message);

    [Theory]
    [InlineData("\"rollback\": true", "\"rollback\": false", "deploymentConfiguration.deploymentCircuitBreaker.rollback", "must roll back")]
    [InlineData("\"assignPublicIp\": \"DISABLED\"", "\"assignPublicIp\": \"ENABLED\"", "networkConfiguration.awsvpcConfiguration.assignPublicIp", "private subnets")]
    public void A_questionable_service_definition_is_a_warning(string find, string replace, string field, string message) =>
        AssertWarned(models.Second, "ecs/web.service.json", find, replace, field, message);

    [Fact]
    public void A_task_definition_without_health_check_logs_or_user_runs_and_is_warned_about()
    {
        var text = models.Second.Read("ecs/web.task-definition.json");
        Assert.Contains("\"user\": \"1654\",", text, StringComparison.Ordinal);
        var problems = models.Second.Validate("ecs/web.task-definition.json", text.Replace("\"user\": \"1654\",", "", StringComparison.Ordinal).Replace("\"awslogs\"", "\"json-file\"", StringComparison.Ordinal));

        Assert.Contains(problems, p => !p.IsError && p.Field == "containerDefinitions[0].user" && p.Message.Contains("the image's USER decides", StringComparison.Ordinal));
        Assert.Contains(problems, p => !p.IsError && p.Field == "containerDefinitions[0].logConfiguration" && p.Message.Contains("not awslogs", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.IsError && p.Field.EndsWith(".logConfiguration", StringComparison.Ordinal));
    }

    [Fact]
    public void A_worker_service_with_a_load_balancer_is_an_error()
    {
        var text = models.Second.Read("ecs/worker.service.json");
        Assert.DoesNotContain("loadBalancers", text, StringComparison.Ordinal);
        var broken = text.Replace("\"platformVersion\": \"LATEST\",", "\"platformVersion\": \"LATEST\",\n  \"loadBalancers\": [{\"targetGroupArn\": \"x\", \"containerName\": \"worker\", \"containerPort\": 80}],", StringComparison.Ordinal);

        Assert.Contains(models.Second.Validate("ecs/worker.service.json", broken), p => p.Field == "loadBalancers" && p.Message.Contains("no HTTP endpoint", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"desiredCount\": 1", "\"desiredCount\": 2", "desiredCount", "SQLite has one writer")]
    [InlineData("\"maximumPercent\": 100", "\"maximumPercent\": 200", "deploymentConfiguration.maximumPercent", "two writers on one SQLite file")]
    public void A_sqlite_service_never_runs_two_tasks(string find, string replace, string field, string message) =>
        AssertReported(models.Sqlite, "ecs/web.service.json", find, replace, field, message);

    [Fact]
    public void A_sqlite_file_without_an_efs_mount_is_an_error()
    {
        var text = models.Sqlite.Read("ecs/web.task-definition.json");
        var broken = text.Replace("\"containerPath\": \"/app/data\"", "\"containerPath\": \"/mnt/other\"", StringComparison.Ordinal);
        Assert.Contains(models.Sqlite.Validate("ecs/web.task-definition.json", broken), p => p.Message.Contains("not on a persistent volume", StringComparison.Ordinal));
    }

    [Fact]
    public void The_published_ecs_files_are_valid()
    {
        foreach (var file in new[] { "ecs/web.task-definition.json", "ecs/web.service.json", "ecs/worker.task-definition.json", "ecs/worker.service.json" })
        {
            Assert.Empty(models.Second.Validate(file, models.Second.Read(file)));
        }
    }

    private static void AssertWarned(PublishRun run, string file, string find, string replace, string field, string message)
    {
        var text = run.Read(file);
        Assert.Contains(find, text, StringComparison.Ordinal);
        var problems = run.Validate(file, text.Replace(find, replace, StringComparison.Ordinal));
        Assert.True(problems.Any(p => !p.IsError && p.Field == field && p.Message.Contains(message, StringComparison.Ordinal) && p.Fix.Length > 0), string.Join('\n', problems));
        Assert.DoesNotContain(problems, p => p.IsError);
    }

    private static void AssertReported(PublishRun run, string file, string find, string replace, string field, string message)
    {
        var text = run.Read(file);
        Assert.Contains(find, text, StringComparison.Ordinal);
        var problems = run.Validate(file, text.Replace(find, replace, StringComparison.Ordinal));
        Assert.True(problems.Any(p => p.IsError && p.Field == field && p.Message.Contains(message, StringComparison.Ordinal)), string.Join('\n', problems));
    }
}
