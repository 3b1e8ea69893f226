using MyService.Hosting.Publishing.Validation;

namespace MyService.Tests.Publishing;

/// <summary>
/// Each ERROR rule on an FSD file: a published file broken in one place, and the error validate reports for it, with
/// its file, the line it is on, the field and a fix. (Warnings and the values the platform defaults: <see cref="FsdWarningRuleTests"/>.)
/// </summary>
public sealed class FsdValidationRuleTests(PublishedModelsFixture models) : IClassFixture<PublishedModelsFixture>
{
    public static TheoryData<string, string, string, string, string> WebBreaks => new()
    {
        // find, replace, field reported, words of the message or fix, what the reported line shows
        { "path: /healthz", "path: /status", "service.healthCheck.path", "the app's health endpoint is '/healthz'", "path: /status" },
        { "path: /healthz", "path: healthz", "service.healthCheck.path", "is not a URL path", "path: healthz" },
        { "  port: 8080", "  port: 8081", "service.port", "the app listens on 8080", "port: 8081" },
        { "port: 8080", "port: eighty", "service.port", "is not a whole number", "port: eighty" },
        { "cpu: 256\n    memory: 512", "cpu: 256\n    memory: 4096", "service.resources.cpu", "not a Fargate task size", "cpu: 256" },
        { "cpu: 256\n    memory: 512", "cpu: 16384\n    memory: 16384", "service.resources.cpu", "not a Fargate task size", "cpu: 16384" },
        { "    cpu: 256\n", "", "service.resources.cpu", "is missing", "resources:" },
        { "interval: 30", "interval: 301", "service.healthCheck.interval", "outside the allowed range 5-300", "interval: 301" },
        { "interval: 30", "interval: thirty", "service.healthCheck.interval", "is not a whole number", "interval: thirty" },
        { "timeout: 5", "timeout: 30", "service.healthCheck.timeout", "not below the interval 30", "timeout: 30" },
        { "timeout: 5", "timeout: 121", "service.healthCheck.timeout", "outside the allowed range 2-120", "timeout: 121" },
        { "healthyThreshold: 2", "healthyThreshold: 1", "service.healthCheck.healthyThreshold", "outside the allowed range 2-10", "healthyThreshold: 1" },
        { "unhealthyThreshold: 3", "unhealthyThreshold: 11", "service.healthCheck.unhealthyThreshold", "outside the allowed range 2-10", "unhealthyThreshold: 11" },
        { "desiredCount: 2", "desiredCount: 7", "service.resources", "min <= desired <= max", "resources:" },
        { "minCount: 2", "minCount: 9", "service.autoScaling", "minCount 9 is above maxCount 6", "autoScaling:" },
        { "targetMemoryUtilization: 80", "targetMemoryUtilization: 0", "service.autoScaling.targetMemoryUtilization", "outside the allowed range 1-100", "targetMemoryUtilization: 0" },
        { "scaleInCooldown: 300", "scaleInCooldown: -1", "service.autoScaling.scaleInCooldown", "cannot be negative", "scaleInCooldown: -1" },
        { "valueFrom: arn:aws:secretsmanager:${AWS_REGION}:${AWS_ACCOUNT_ID}:secret:testapp/${ENV}/payment-api-key", "valueFrom: payment-api-key", "service.secrets[0].valueFrom", "not a full Secrets Manager or SSM parameter ARN", "valueFrom: payment-api-key" },
        { "valueFrom: arn:aws:secretsmanager:", "valueFrom: arn:aws:s3:", "service.secrets[0].valueFrom", "not a full Secrets Manager or SSM parameter ARN", "valueFrom: arn:aws:s3:" },
        { "FEATURE_FLAG: ${FEATURE_FLAG}", "FEATURE_FLAG: ${FEATURE_FLAG}\n    DB_PASSWORD: hunter2", "service.environment.DB_PASSWORD", "looks like a secret", "DB_PASSWORD: hunter2" },
        { "FEATURE_FLAG: ${FEATURE_FLAG}", "FEATURE_FLAG: ${FEATURE_FLAG}\n    PAYMENT_API_KEY: x", "service.secrets[0].name", "is also in service.environment", "name: PAYMENT_API_KEY" },
        { "FEATURE_FLAG: ${FEATURE_FLAG}", "FEATURE_FLAG: http://localhost:5000/flags", "service.environment.FEATURE_FLAG", "points at localhost/loopback", "FEATURE_FLAG: http://localhost:5000/flags" },
        { "FEATURE_FLAG: ${FEATURE_FLAG}", "FEATURE_FLAG: http://127.0.0.1:5000", "service.environment.FEATURE_FLAG", "points at localhost/loopback", "FEATURE_FLAG: http://127.0.0.1:5000" },
        { "vpc: true", "vpc: maybe", "service.networking.vpc", "is not true or false", "vpc: maybe" },
        { "certificateArn: arn:aws:acm:${AWS_REGION}:${AWS_ACCOUNT_ID}:certificate/${WEB_CERTIFICATE_ID}", "certificateArn: web-certificate", "service.networking.loadBalancer.certificateArn", "is not an ACM certificate ARN", "certificateArn: web-certificate" },
        { "retention: 30", "retention: 31", "service.observability.logs.retention", "not a CloudWatch Logs retention", "retention: 31" },
        { "    metrics:\n      enabled: true\n", "    metrics:\n      enabled: true\n      port: 70000\n", "service.observability.metrics.port", "outside the allowed range 1-65535", "port: 70000" },
        { "  healthCheck:", "  heathCheck:", "service.heathCheck", "did you mean 'healthCheck'?", "heathCheck:" },
        { "apiVersion: fsd/v1", "apiVersion: fsd/v2", "apiVersion", "expected 'fsd/v1'", "apiVersion: fsd/v2" },
        { "kind: Service", "kind: Job", "kind", "expected 'Service'", "kind: Job" },
        { "type: ecs", "type: lambda", "service.type", "expected 'ecs'", "type: lambda" },
        { "type: aws_dynamodb_table", "type: aws_rds_instance", "dependencies[0].type", "is not an FSD dependency type", "type: aws_rds_instance" },
        { "      - dynamodb:GetItem", "      - GetItem", "dependencies[0].permissions", "is not an IAM action", "permissions:" },
        { "keyType: RANGE", "keyType: HASH", "dependencies[0].keySchema", "exactly one HASH key", "keySchema:" },
        { "      - attributeName: sk", "      - attributeName: id", "dependencies[0].attributes", "key 'id' has no attribute definition", "attributes:" },
        { "        type: S\n    keySchema:", "        type: STRING\n    keySchema:", "dependencies[0].attributes", "which DynamoDB does not key on", "attributes:" },
    };

    public static TheoryData<string, string, string, string, string> SqliteBreaks => new()
    {
        { "Data Source=/app/data/app.db", "Data Source=/tmp/app.db", "service.environment.ConnectionStrings__db", "is under /tmp", "ConnectionStrings__db: Data Source=/tmp/app.db" },
        { "Data Source=/app/data/app.db", "Data Source=/srv/app.db", "service.environment.ConnectionStrings__db", "not on a persistent volume", "ConnectionStrings__db: Data Source=/srv/app.db" },
        { "Data Source=/app/data/app.db", "\"Data Source=:memory:\"", "service.environment.ConnectionStrings__db", "is in memory", "ConnectionStrings__db: \"Data Source=:memory:\"" },
        { "Data Source=/app/data/app.db", "Data Source=app;Mode=Memory;Cache=Shared", "service.environment.ConnectionStrings__db", "is in memory", "ConnectionStrings__db: Data Source=app;Mode=Memory" },
        { "desiredCount: 1", "desiredCount: 2", "service.resources.desiredCount", "SQLite has one writer", "desiredCount: 2" },
        { "maxCapacity: 1", "maxCapacity: 3", "service.resources.maxCapacity", "graduate to DynamoDB", "maxCapacity: 3" },
        { "maxCount: 1", "maxCount: 4", "service.autoScaling.maxCount", "SQLite has one writer", "maxCount: 4" },
        { "mountPath: /app/data", "mountPath: app/data", "service.volumes[0].mountPath", "is not an absolute path", "- name: db" },
        { "        fileSystemId: ${DB_FILE_SYSTEM_ID}\n", "", "service.volumes[0].efs.fileSystemId", "cannot mount an EFS volume without its file system", "- name: db" },
        { "type: aws_efs_file_system", "type: aws_efs_file_system\n    performanceMode: fast", "dependencies[0].performanceMode", "is not an EFS performance mode", "performanceMode: fast" },
    };

    [Theory]
    [MemberData(nameof(WebBreaks))]
    public void A_broken_web_service_file_is_an_error_with_file_line_field_and_fix(string find, string replace, string field, string message, string lineShows) =>
        AssertError(models.Second, find, replace, field, message, lineShows);

    [Theory]
    [MemberData(nameof(SqliteBreaks))]
    public void A_broken_sqlite_service_file_is_an_error_with_file_line_field_and_fix(string find, string replace, string field, string message, string lineShows) =>
        AssertError(models.Sqlite, find, replace, field, message, lineShows);

    [Fact]
    public void A_worker_with_a_load_balancer_is_an_error()
    {
        var problems = BreakAndValidate(models.Second, "fsd/worker.yml", "  networking:\n    vpc: true\n", "  networking:\n    vpc: true\n    loadBalancer:\n      type: application\n      internal: true\n");
        Assert.Contains(problems, p => p.IsError && p.Field == "service.networking.loadBalancer" && p.Message.Contains("without an HTTP endpoint", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_of_a_file_is_reported_at_once()
    {
        var text = models.Second.Read("fsd/web.yml").Replace("vpc: true", "vpc: false", StringComparison.Ordinal)
            .Replace("retention: 30", "retention: 31", StringComparison.Ordinal).Replace("  healthCheck:", "  healthcheck:", StringComparison.Ordinal);
        var problems = models.Second.Validate("fsd/web.yml", text);

        Assert.Contains(problems, p => p.IsError && p.Field == "service.healthcheck");
        Assert.Contains(problems, p => p.IsError && p.Field == "service.observability.logs.retention");
        Assert.Contains(problems, p => !p.IsError && p.Field == "service.networking.vpc");
        Assert.Contains(problems, p => !p.IsError && p.Field == "service.healthCheck"); // missing, now that it is misspelt
    }

    private static void AssertError(PublishRun run, string find, string replace, string field, string message, string lineShows)
    {
        var text = run.Read("fsd/web.yml");
        Assert.Contains(find, text, StringComparison.Ordinal);
        var broken = text.Replace(find, replace, StringComparison.Ordinal);
        var problems = run.Validate("fsd/web.yml", broken);

        var problem = Assert.Single(problems, p => p.Field == field && $"{p.Message} Fix: {p.Fix}".Contains(message, StringComparison.Ordinal));
        Assert.True(problem.IsError, problem.ToString());
        Assert.EndsWith("fsd/web.yml", problem.File, StringComparison.Ordinal);
        Assert.NotNull(problem.Line);
        Assert.Contains(lineShows, broken.Split('\n')[problem.Line.Value - 1], StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(problem.Fix));
    }

    internal static IReadOnlyList<ValidationProblem> BreakAndValidate(PublishRun run, string file, string find, string replace)
    {
        var text = run.Read(file);
        Assert.Contains(find, text, StringComparison.Ordinal);
        return run.Validate(file, text.Replace(find, replace, StringComparison.Ordinal));
    }
}
