using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using MyService.Hosting.Publishing;

namespace MyService.Tests.Publishing;

/// <summary>The compute environment itself, and the values of Aspire's model that only it gives a published form.</summary>
public sealed class EcsEnvironmentTests
{
    [Fact]
    public void The_environment_is_in_the_model_only_in_publish_mode_and_once()
    {
        var run = Builder([]);
        run.AddEcsEnvironment("ecs");
        Assert.Empty(run.Resources.OfType<EcsEnvironmentResource>());

        var publish = Builder(["--operation", "publish", "--step", "publish"]);
        var ecs = publish.AddEcsEnvironment("ecs");
        Assert.Same(ecs.Resource, Assert.Single(publish.Resources.OfType<EcsEnvironmentResource>()));
        Assert.Equal("publish-ecs", ecs.Resource.PublishStepName);
        var second = Assert.Throws<DistributedApplicationException>(() => publish.AddEcsEnvironment("ecs2"));
        Assert.Contains("already has the ECS environment 'ecs'", second.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_host_in_the_environment_is_its_deploy_time_placeholder()
    {
        var builder = Builder(["--operation", "publish", "--step", "publish"]);
        var ecs = builder.AddEcsEnvironment("ecs");
        var web = builder.AddProject<TestWebProject>("web").WithHttpEndpoint(port: 8080);

        var host = ecs.Resource.GetHostAddressExpression(web.GetEndpoint("http"));

        Assert.Equal("${WEB_HTTP_HOST}", await host.GetValueAsync(CancellationToken.None).AsTask().WithTimeout());
    }

    [Fact]
    public async Task A_connection_string_and_an_expression_holding_a_secret_are_published_as_secrets()
    {
        using var run = await PublishRun.ModelAsync(builder =>
        {
            var payments = builder.AddConnectionString("payments");
            var password = builder.AddParameter("db-password", secret: true);
            builder.AddProject<TestWorkerProject>("worker")
                .WithReference(payments)
                .WithEnvironment("Db__Url", ReferenceExpression.Create($"postgres://app:{password.Resource}@db"))
                .WithEnvironment("Db__Host", ReferenceExpression.Create($"db.internal"))
                .PublishAsFsdService(o => o.Owners.Add("team"));
        });

        Assert.False(run.Failed, run.Output);
        var fsd = run.Read("fsd/worker.yml");
        Assert.Contains("- name: ConnectionStrings__payments\n      valueFrom: arn:aws:secretsmanager:${AWS_REGION}:${AWS_ACCOUNT_ID}:secret:testapp/${ENV}/payments", fsd, StringComparison.Ordinal);
        Assert.Contains("- name: Db__Url\n      valueFrom: arn:aws:secretsmanager:${AWS_REGION}:${AWS_ACCOUNT_ID}:secret:testapp/${ENV}/Db__Url", fsd, StringComparison.Ordinal);
        Assert.Contains("Db__Host: db.internal", fsd, StringComparison.Ordinal);
        Assert.DoesNotContain("postgres://", fsd, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endpoint_property_of_another_service_is_a_deploy_time_placeholder_or_its_container_port()
    {
        using var run = await PublishRun.ModelAsync(builder =>
        {
            var web = builder.AddProject<TestWebProject>("web").WithHttpEndpoint(port: 8080).PublishAsFsdService(o => o.Owners.Add("team"));
            var http = web.GetEndpoint("http");
            builder.AddProject<TestWorkerProject>("worker")
                .WithEnvironment("Web__Host", http.Property(EndpointProperty.Host))
                .WithEnvironment("Web__ContainerPort", http.Property(EndpointProperty.TargetPort))
                .PublishAsFsdService(o => o.Owners.Add("team"));
        });

        var fsd = run.Read("fsd/worker.yml");
        Assert.Contains("Web__Host: ${WEB_HTTP_HOST}", fsd, StringComparison.Ordinal);
        Assert.Contains("Web__ContainerPort: \"8080\"", fsd, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reference_to_a_resource_with_no_published_form_fails_publish_naming_it()
    {
        using var run = await PublishRun.ModelAsync(builder =>
        {
            var tool = builder.AddExecutable("tool", "tool", ".").WithHttpEndpoint(port: 9000);
            builder.AddProject<TestWorkerProject>("worker").WithReference(tool.GetEndpoint("http")).PublishAsFsdService(o => o.Owners.Add("team"));
        });

        Assert.True(run.Failed);
        Assert.Contains("'worker' references 'tool' (ExecutableResource), which declares no deployed form (an EcsDeploymentAnnotation).", run.Output, StringComparison.Ordinal);
    }

    private static IDistributedApplicationBuilder Builder(string[] args) => DistributedApplication.CreateBuilder(new DistributedApplicationOptions
    {
        Args = args,
        AssemblyName = typeof(EcsEnvironmentTests).Assembly.GetName().Name,
    });
}
