using MyService.Hosting.Publishing.Validation.Fsd;

namespace MyService.Tests.Publishing;

/// <summary>
/// What deploys and runs but a reviewer would question is a warning (with field, line and fix), and a value the
/// platform defaults when it is left out is not reported at all: the platform's FSD documents leave them out.
/// </summary>
public sealed class FsdWarningRuleTests(PublishedModelsFixture models) : IClassFixture<PublishedModelsFixture>
{
    private const string HealthCheck = "  healthCheck:\n    path: /healthz\n    interval: 30\n    timeout: 5\n    healthyThreshold: 2\n    unhealthyThreshold: 3\n";

    public static TheoryData<string, string, string, string, string> WebWarnings => new()
    {
        // find, replace, field reported, words of the message or fix, what the reported line shows
        { "  owners:\n    - team-web\n", "", "metadata.owners", "no owner", "metadata:" },
        { HealthCheck, "", "service.healthCheck", "is missing", "service:" },
        { "targetCPU: 70", "targetCPU: 101", "service.autoScaling.targetCPU", "never scales out", "targetCPU: 101" },
        { "targetCPU: 70", "targetCPU: 70\n    targetCPUUtilization: 70", "service.autoScaling.targetCPUUtilization", "both targetCPU and targetCPUUtilization", "targetCPUUtilization: 70" },
        { "vpc: true", "vpc: false", "service.networking.vpc", "public subnets", "vpc: false" },
        { "    vpc: true\n", "", "service.networking.vpc", "public subnets", "networking:" },
        { "      certificateArn: arn:aws:acm:${AWS_REGION}:${AWS_ACCOUNT_ID}:certificate/${WEB_CERTIFICATE_ID}\n", "", "service.networking.loadBalancer.certificateArn", "without a certificate", "loadBalancer:" },
        { "      retention: 30\n", "", "service.observability.logs.retention", "log retention is not set", "logs:" },
        { "      otlpEndpoint: http://localhost:4318\n", "", "service.observability.traces.otlpEndpoint", "no endpoint", "traces:" },
        { "name: testapp-orders-${ENV}", "name: testapp-orders", "dependencies[0].name", "has no ${ENV}", "name: testapp-orders" },
        { "    permissions:\n      - dynamodb:GetItem\n      - dynamodb:Query\n", "", "dependencies[0].permissions", "no permissions", "type: aws_dynamodb_table" },
        { "      - dynamodb:GetItem", "      - dynamodb:*", "dependencies[0].permissions", "is a wildcard", "permissions:" },
        { "      - dynamodb:GetItem", "      - dynamodb:DeleteTable", "dependencies[0].permissions", "administers the resource", "permissions:" },
        { "      - dynamodb:GetItem", "      - s3:GetObject", "dependencies[0].permissions", "is not an action on a aws_dynamodb_table", "permissions:" },
    };

    public static TheoryData<string, string> WebDefaults => new()
    {
        // find, replace: what is left out (or written either way) is the platform's to decide
        { "name: testapp-web", "name: testapp-web-${ENV}" },
        { "    desiredCount: 2\n    minCapacity: 2\n    maxCapacity: 6\n", "" },
        { "  autoScaling:\n    minCount: 2\n    maxCount: 6\n    targetCPU: 70\n    targetMemoryUtilization: 80\n    scaleInCooldown: 300\n    scaleOutCooldown: 60\n", "" },
        { "  image: ${ECR_REGISTRY}/testapp-web:${IMAGE_TAG}\n", "" },
        { "    interval: 30\n    timeout: 5\n    healthyThreshold: 2\n    unhealthyThreshold: 3\n", "" },
        { "    attributes:\n      - name: pk\n        type: S\n      - name: sk\n        type: S\n    keySchema:\n      - attributeName: pk\n        keyType: HASH\n      - attributeName: sk\n        keyType: RANGE\n", "" },
        { "    metrics:\n      enabled: true\n", "    metrics:\n      enabled: true\n      port: 9090\n      path: /metrics\n" },
    };

    [Theory]
    [MemberData(nameof(WebWarnings))]
    public void A_questionable_web_service_file_is_a_warning_with_line_field_and_fix(string find, string replace, string field, string message, string lineShows)
    {
        var text = models.Second.Read("fsd/web.yml");
        Assert.Contains(find, text, StringComparison.Ordinal);
        var broken = text.Replace(find, replace, StringComparison.Ordinal);

        var problem = Assert.Single(models.Second.Validate("fsd/web.yml", broken), p => p.Field == field && $"{p.Message} Fix: {p.Fix}".Contains(message, StringComparison.Ordinal));
        Assert.False(problem.IsError, problem.ToString());
        Assert.EndsWith("fsd/web.yml", problem.File, StringComparison.Ordinal);
        Assert.NotNull(problem.Line);
        Assert.Contains(lineShows, broken.Split('\n')[problem.Line.Value - 1], StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(problem.Fix));
    }

    [Theory]
    [MemberData(nameof(WebDefaults))]
    public void A_value_the_platform_defaults_is_not_reported(string find, string replace) =>
        Assert.Empty(FsdValidationRuleTests.BreakAndValidate(models.Second, "fsd/web.yml", find, replace));

    [Fact]
    public void The_published_files_have_no_problem_and_the_16_and_8_vcpu_sizes_are_accepted()
    {
        foreach (var run in new[] { models.Second, models.Sqlite })
        {
            Assert.Empty(run.Validate("fsd/web.yml", run.Read("fsd/web.yml")));
        }

        Assert.Empty(models.Second.Validate("fsd/worker.yml", models.Second.Read("fsd/worker.yml")));
        Assert.Empty(FsdValidationRuleTests.BreakAndValidate(models.Second, "fsd/web.yml", "cpu: 256\n    memory: 512", "cpu: 16384\n    memory: 122880"));
        Assert.Empty(FsdValidationRuleTests.BreakAndValidate(models.Second, "fsd/web.yml", "cpu: 256\n    memory: 512", "cpu: 8192\n    memory: 16384"));
    }

    [Fact]
    public void A_public_load_balancer_for_an_internal_endpoint_is_a_warning()
    {
        // The SQLite model's endpoint is not external.
        var problems = FsdValidationRuleTests.BreakAndValidate(models.Sqlite, "fsd/web.yml", "internal: true", "internal: false\n      certificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/abc");
        var problem = Assert.Single(problems);
        Assert.False(problem.IsError);
        Assert.Equal("service.networking.loadBalancer.internal", problem.Field);
        Assert.Contains("not external", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_model_a_public_load_balancer_is_a_warning_and_an_internal_one_is_not()
    {
        // Against the rules only, nothing says the endpoint is meant to be public.
        var text = models.Second.Read("fsd/web.yml");
        var problem = Assert.Single(FsdValidator.Validate("web.yml", text, expected: null));
        Assert.False(problem.IsError);
        Assert.Equal("service.networking.loadBalancer.internal", problem.Field);

        Assert.Empty(FsdValidator.Validate("web.yml", text.Replace("internal: false", "internal: true", StringComparison.Ordinal), expected: null));
    }

    [Fact]
    public void A_volume_that_is_not_efs_is_a_warning_and_a_sqlite_file_on_it_an_error()
    {
        var problems = FsdValidationRuleTests.BreakAndValidate(models.Sqlite, "fsd/web.yml", "      efs:\n        fileSystemId: ${DB_FILE_SYSTEM_ID}\n        rootDirectory: /\n", "");
        Assert.Contains(problems, p => !p.IsError && p.Field == "service.volumes[0].efs" && p.Message.Contains("lost when the task stops", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.IsError && p.Field == "service.environment.ConnectionStrings__db" && p.Message.Contains("not on a persistent volume", StringComparison.Ordinal));
    }
}
