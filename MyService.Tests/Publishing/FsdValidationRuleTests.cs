namespace MyService.Tests.Publishing;

/// <summary>Each rule of the issue: a published FSD file broken in one place, and the problem validate reports for it.</summary>
public sealed class FsdValidationRuleTests(PublishedModelsFixture models) : IClassFixture<PublishedModelsFixture>
{
    public static TheoryData<string, string, string, string> WebBreaks => new()
    {
        // find, replace, field reported, words of the message
        { "path: /healthz", "path: /status", "service.healthCheck.path", "the app's health endpoint is '/healthz'" },
        { "  port: 8080", "  port: 8081", "service.port", "the app listens on 8080" },
        { "cpu: 256\n    memory: 512", "cpu: 256\n    memory: 4096", "service.resources.cpu", "not a Fargate task size" },
        { "cpu: 256\n    memory: 512", "cpu: 16384\n    memory: 16384", "service.resources.cpu", "not a Fargate task size" },
        { "interval: 30", "interval: 301", "service.healthCheck.interval", "outside the allowed range 5-300" },
        { "timeout: 5", "timeout: 30", "service.healthCheck.timeout", "not below the interval 30" },
        { "timeout: 5", "timeout: 121", "service.healthCheck.timeout", "outside the allowed range 2-120" },
        { "healthyThreshold: 2", "healthyThreshold: 1", "service.healthCheck.healthyThreshold", "outside the allowed range 2-10" },
        { "unhealthyThreshold: 3", "unhealthyThreshold: 11", "service.healthCheck.unhealthyThreshold", "outside the allowed range 2-10" },
        { "desiredCount: 2", "desiredCount: 7", "service.resources", "min <= desired <= max" },
        { "targetCPU: 70", "targetCPU: 101", "service.autoScaling.targetCPU", "outside the allowed range 1-100" },
        { "targetMemoryUtilization: 80", "targetMemoryUtilization: 0", "service.autoScaling.targetMemoryUtilization", "outside the allowed range 1-100" },
        { "valueFrom: arn:aws:secretsmanager:${AWS_REGION}:${AWS_ACCOUNT_ID}:secret:testapp/${ENV}/payment-api-key", "valueFrom: payment-api-key", "service.secrets[0].valueFrom", "not a full Secrets Manager or SSM parameter ARN" },
        { "FEATURE_FLAG: ${FEATURE_FLAG}", "FEATURE_FLAG: ${FEATURE_FLAG}\n    DB_PASSWORD: hunter2", "service.environment.DB_PASSWORD", "looks like a secret" },
        { "FEATURE_FLAG: ${FEATURE_FLAG}", "FEATURE_FLAG: http://localhost:5000/flags", "service.environment.FEATURE_FLAG", "points at localhost/loopback" },
        { "FEATURE_FLAG: ${FEATURE_FLAG}", "FEATURE_FLAG: http://127.0.0.1:5000", "service.environment.FEATURE_FLAG", "points at localhost/loopback" },
        { "vpc: true", "vpc: false", "service.networking.vpc", "is not true" },
        { "      certificateArn: arn:aws:acm:${AWS_REGION}:${AWS_ACCOUNT_ID}:certificate/${WEB_CERTIFICATE_ID}\n", "", "service.networking.loadBalancer.certificateArn", "without a certificate" },
        { "retention: 30", "retention: 31", "service.observability.logs.retention", "not a CloudWatch Logs retention" },
        { "      retention: 30\n", "", "service.observability.logs.retention", "log retention is not set" },
        { "  healthCheck:", "  heathCheck:", "service.heathCheck", "did you mean 'healthCheck'?" },
        { "      - dynamodb:GetItem", "      - dynamodb:*", "dependencies[0].permissions", "is a wildcard" },
        { "      - dynamodb:GetItem", "      - dynamodb:DeleteTable", "dependencies[0].permissions", "administers the resource" },
        { "name: testapp-web-${ENV}", "name: testapp-web", "metadata.name", "has no ${ENV}" },
        { "port: 8080", "port: eighty", "service.port", "is not a whole number" },
    };

    [Theory]
    [MemberData(nameof(WebBreaks))]
    public void A_broken_web_service_file_is_reported_with_field_line_and_fix(string find, string replace, string field, string message)
    {
        var problem = Assert.Single(BreakAndValidate(models.Second, "fsd/web.yml", find, replace), p => p.Field == field && $"{p.Message} Fix: {p.Fix}".Contains(message, StringComparison.Ordinal));
        Assert.True(problem.IsError);
        Assert.NotNull(problem.Line);
        Assert.False(string.IsNullOrWhiteSpace(problem.Fix));
        Assert.EndsWith("fsd/web.yml", problem.File, StringComparison.Ordinal);
    }

    [Fact]
    public void The_published_files_are_valid_and_the_16_and_8_vcpu_sizes_are_accepted()
    {
        Assert.DoesNotContain(models.Second.Validate("fsd/web.yml", models.Second.Read("fsd/web.yml")), p => p.IsError);
        Assert.DoesNotContain(BreakAndValidate(models.Second, "fsd/web.yml", "cpu: 256\n    memory: 512", "cpu: 16384\n    memory: 122880"), p => p.IsError);
        Assert.DoesNotContain(BreakAndValidate(models.Second, "fsd/web.yml", "cpu: 256\n    memory: 512", "cpu: 8192\n    memory: 16384"), p => p.IsError);
    }

    [Fact]
    public void A_public_load_balancer_for_an_internal_endpoint_is_an_error()
    {
        // The SQLite model's endpoint is not external.
        var problems = BreakAndValidate(models.Sqlite, "fsd/web.yml", "internal: true", "internal: false\n      certificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/abc");
        Assert.Contains(problems, p => p.Field == "service.networking.loadBalancer.internal" && p.Message.Contains("not external", StringComparison.Ordinal));
    }

    [Fact]
    public void A_worker_with_a_load_balancer_is_an_error()
    {
        var problems = BreakAndValidate(models.Second, "fsd/worker.yml", "  networking:\n    vpc: true\n", "  networking:\n    vpc: true\n    loadBalancer:\n      type: application\n      internal: true\n");
        Assert.Contains(problems, p => p.Field == "service.networking.loadBalancer" && p.Message.Contains("without an HTTP endpoint", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("desiredCount: 1", "desiredCount: 2", "service.resources.desiredCount")]
    [InlineData("maxCapacity: 1", "maxCapacity: 3", "service.resources.maxCapacity")]
    [InlineData("maxCount: 1", "maxCount: 4", "service.autoScaling.maxCount")]
    public void Scaling_out_sqlite_says_to_graduate_to_dynamodb(string find, string replace, string field)
    {
        var problems = BreakAndValidate(models.Sqlite, "fsd/web.yml", find, replace);
        Assert.Contains(problems, p => p.Field == field && p.Message.Contains("SQLite has one writer", StringComparison.Ordinal) && p.Fix.Contains("graduate to DynamoDB", StringComparison.Ordinal));
    }

    [Fact]
    public void A_sqlite_file_off_the_persistent_volume_is_an_error()
    {
        var problems = BreakAndValidate(models.Sqlite, "fsd/web.yml", "Data Source=/app/data/app.db", "Data Source=/tmp/app.db");
        Assert.Contains(problems, p => p.Field == "service.environment.ConnectionStrings__db" && p.Message.Contains("not on a persistent volume", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_of_a_file_is_reported_at_once()
    {
        var text = models.Second.Read("fsd/web.yml").Replace("vpc: true", "vpc: false", StringComparison.Ordinal)
            .Replace("interval: 30", "interval: 1", StringComparison.Ordinal).Replace("  healthCheck:", "  healthcheck:", StringComparison.Ordinal);
        var fields = models.Second.Validate("fsd/web.yml", text).Where(p => p.IsError).Select(p => p.Field).ToList();

        Assert.Contains("service.networking.vpc", fields);
        Assert.Contains("service.healthcheck", fields);
        Assert.Contains("service.healthCheck", fields); // missing, now that it is misspelt
    }

    private static IReadOnlyList<MyService.Hosting.Publishing.Validation.ValidationProblem> BreakAndValidate(PublishRun run, string file, string find, string replace)
    {
        var text = run.Read(file);
        Assert.Contains(find, text, StringComparison.Ordinal);
        return run.Validate(file, text.Replace(find, replace, StringComparison.Ordinal));
    }
}
