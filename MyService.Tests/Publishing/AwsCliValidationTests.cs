using System.Diagnostics;

namespace MyService.Tests.Publishing;

/// <summary>
/// The ECS JSON passes AWS's own parameter validation: the AWS CLI checks --cli-input-json against the API model
/// before it sends anything, so against an address where nothing listens it must fail on the connection only.
/// </summary>
public sealed class AwsCliValidationTests(PublishedModelsFixture models) : IClassFixture<PublishedModelsFixture>
{
    // The discard port on loopback: nothing answers, and the CLI never gets past connecting.
    private const string NowhereEndpoint = "http://127.0.0.1:9";

    [Theory]
    [InlineData("web")]
    [InlineData("worker")]
    public async Task Second_model_ecs_json_passes_aws_cli_parameter_validation(string service)
    {
        await AssertOnlyConnectionFailsAsync("register-task-definition", models.Second.PathOf($"ecs/{service}.task-definition.json"));
        await AssertOnlyConnectionFailsAsync("create-service", models.Second.PathOf($"ecs/{service}.service.json"));
    }

    [Fact]
    public async Task Committed_app_model_ecs_json_passes_aws_cli_parameter_validation()
    {
        var files = Directory.GetFiles(Path.Combine(TestSupport.RepositoryRoot.Path, "deploy", "ecs"));
        Assert.NotEmpty(files);
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            await AssertOnlyConnectionFailsAsync(file.EndsWith(".task-definition.json", StringComparison.Ordinal) ? "register-task-definition" : "create-service", file);
        }
    }

    [Fact]
    public async Task A_wrongly_typed_field_fails_aws_cli_parameter_validation()
    {
        // Proves the check above can fail: the CLI rejects a string where the API wants a number.
        var broken = Path.Combine(Path.GetDirectoryName(models.Second.PathOf("ecs/web.service.json"))!, "broken.json");
        await File.WriteAllTextAsync(broken, models.Second.Read("ecs/web.service.json").Replace("\"desiredCount\": 2", "\"desiredCount\": \"two\"", StringComparison.Ordinal));
        var (_, output) = await RunAwsAsync("create-service", broken);
        Assert.Contains("Parameter validation failed", output, StringComparison.Ordinal);
    }

    private static async Task AssertOnlyConnectionFailsAsync(string operation, string file)
    {
        var (exitCode, output) = await RunAwsAsync(operation, file);
        Assert.DoesNotContain("Parameter validation failed", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unknown parameter", output, StringComparison.Ordinal);
        Assert.NotEqual(0, exitCode);
        Assert.True(output.Contains("Could not connect to the endpoint URL", StringComparison.Ordinal), $"aws ecs {operation} {file} failed otherwise:\n{output}");
    }

    private static async Task<(int ExitCode, string Output)> RunAwsAsync(string operation, string file)
    {
        var start = new ProcessStartInfo(FindAws());
        foreach (var argument in new[] { "ecs", operation, "--cli-input-json", $"file://{file}", "--endpoint-url", NowhereEndpoint, "--cli-connect-timeout", "2", "--cli-read-timeout", "2" })
        {
            start.ArgumentList.Add(argument);
        }

        // Dummy credentials and region: nothing is signed for real, and no lookup of the instance metadata service.
        start.Environment["AWS_ACCESS_KEY_ID"] = "testing";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "testing";
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        return await ChildProcess.RunAsync(start, TimeSpan.FromSeconds(60));
    }

    private static string FindAws()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "aws")).FirstOrDefault(File.Exists);
        Assert.True(path is not null,
            "The AWS CLI ('aws') is not on PATH; these tests validate the ECS JSON with it. Install it (./test.sh does: pip install awscli, or apt-get install awscli).");
        return path!;
    }
}
