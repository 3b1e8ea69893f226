using MyService.Hosting.Publishing;
using MyService.Hosting.Publishing.Validation;
using MyService.Tests.Api;

namespace MyService.Tests.Publishing;

/// <summary>The Dockerfiles and the app itself agree with what the app model publishes.</summary>
public sealed class DockerfileAgreementTests(PublishedModelsFixture models) : IClassFixture<PublishedModelsFixture>
{
    [Fact]
    public async Task Every_app_model_service_has_a_dockerfile_that_agrees_with_the_model()
    {
        using var run = await PublishRun.AppHostAsync();
        var services = run.Factory.Projects.Select(p => run.Factory.Create(p, null)).ToList();

        Assert.NotEmpty(services);
        var problems = DeploymentValidator.ValidateDockerfiles(services);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Theory]
    [InlineData("EXPOSE 8000", "EXPOSE 8080", "EXPOSE", "does not expose 8000")]
    [InlineData("USER $APP_UID", "USER root", "USER", "runs as root")]
    [InlineData("\"--health-probe\", \"http://127.0.0.1:8000/health\"", "\"--health-probe\", \"http://127.0.0.1:8000/healthz\"", "HEALTHCHECK CMD", "but the ECS container health check runs")]
    [InlineData("--interval=30s", "--interval=10s", "HEALTHCHECK --interval", "uses 30s")]
    [InlineData("VOLUME [\"/app/data\"]", "", "VOLUME", "does not declare /app/data")]
    public async Task A_dockerfile_that_disagrees_is_reported(string find, string replace, string field, string message)
    {
        var dockerfile = await File.ReadAllTextAsync(Path.Combine(TestSupport.RepositoryRoot.Path, "MyService.Api", "Dockerfile"));
        Assert.Contains(find, dockerfile, StringComparison.Ordinal);
        // The SQLite model is shaped like the API: port 8000, /health, a data volume.
        var expected = models.Sqlite.Expected("web") with
        {
            ContainerHealthCheck = models.Sqlite.Expected("web").ContainerHealthCheck with
            {
                Command = ["CMD", "dotnet", "MyService.Api.dll", "--health-probe", "http://127.0.0.1:8000/health"],
            },
        };
        Assert.Empty(DockerfileCheck.Validate("Dockerfile", dockerfile, expected));

        var problems = DockerfileCheck.Validate("Dockerfile", dockerfile.Replace(find, replace, StringComparison.Ordinal), expected);
        Assert.Contains(problems, p => p.Field == field && p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_api_serves_the_health_path_the_model_publishes()
    {
        using var run = await PublishRun.AppHostAsync();
        var path = run.Expected("api").LoadBalancerHealthCheck!.Path;

        await using var api = new ApiFactory();
        using var client = api.CreateApiClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative)).WithTimeout();

        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}");
    }
}
