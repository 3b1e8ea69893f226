using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using MyService.Hosting.Publishing;
using MyService.Hosting.Publishing.Model;

namespace MyService.Tests.Publishing;

/// <summary>What the model says reaches the files: secrets as ARNs only, worker shape, permissions, overrides, ports and paths.</summary>
public sealed class PublishModelTests
{
    [Fact]
    public async Task A_secret_parameter_is_published_as_a_secrets_manager_arn_and_never_as_its_local_value()
    {
        using var run = await PublishRun.ModelAsync(builder =>
        {
            builder.Configuration["Parameters:payment-api-key"] = "local-s3cr3t-value";
            builder.Configuration["Parameters:feature-flag"] = "local-flag-value";
            SecondModel.Build(builder);
        });

        var all = string.Concat(Directory.EnumerateFiles(run.OutputPath, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        Assert.DoesNotContain("local-s3cr3t-value", all, StringComparison.Ordinal);
        Assert.DoesNotContain("local-flag-value", all, StringComparison.Ordinal);
        const string arn = "arn:aws:secretsmanager:${AWS_REGION}:${AWS_ACCOUNT_ID}:secret:testapp/${ENV}/payment-api-key";
        Assert.Contains($"- name: PAYMENT_API_KEY\n      valueFrom: {arn}", run.Read("fsd/web.yml"), StringComparison.Ordinal);
        Assert.Contains($"\"valueFrom\": \"{arn}\"", run.Read("ecs/web.task-definition.json"), StringComparison.Ordinal);
        Assert.DoesNotContain("\"name\": \"PAYMENT_API_KEY\",\n          \"value\"", run.Read("ecs/web.task-definition.json"), StringComparison.Ordinal);
        Assert.Contains("FEATURE_FLAG: ${FEATURE_FLAG}", run.Read("fsd/web.yml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_worker_gets_no_load_balancer_and_a_container_health_check()
    {
        using var run = await PublishRun.ModelAsync(SecondModel.Build);

        var fsd = run.Read("fsd/worker.yml");
        Assert.DoesNotContain("port:", fsd, StringComparison.Ordinal);
        Assert.DoesNotContain("healthCheck:", fsd, StringComparison.Ordinal);
        Assert.DoesNotContain("loadBalancer", fsd, StringComparison.Ordinal);
        Assert.Contains("services__web__http__0: ${WEB_HTTP_URL}", fsd, StringComparison.Ordinal);
        Assert.Contains("AWS__Resources__orders__TableName: testapp-orders-${ENV}", fsd, StringComparison.Ordinal);
        var task = run.Read("ecs/worker.task-definition.json");
        Assert.DoesNotContain("portMappings", task, StringComparison.Ordinal);
        Assert.Contains("\"TestApp.Worker.dll\",\n          \"--health-probe\"\n", task, StringComparison.Ordinal);
        Assert.DoesNotContain("loadBalancers", run.Read("ecs/worker.service.json"), StringComparison.Ordinal);
        Assert.DoesNotContain("healthCheckGracePeriodSeconds", run.Read("ecs/worker.service.json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_health_only_endpoint_keeps_its_port_for_the_probe_but_gets_no_load_balancer()
    {
        // The app's worker: port 8081 (its launchSettings.json) for its /health, published with LoadBalanced = false.
        using var run = await PublishRun.AppHostAsync();

        var fsd = run.Read("fsd/worker.yml");
        Assert.DoesNotContain("  port:", fsd, StringComparison.Ordinal);
        Assert.DoesNotContain("loadBalancer", fsd, StringComparison.Ordinal);
        Assert.DoesNotContain("ASPNETCORE_FORWARDEDHEADERS_ENABLED", fsd, StringComparison.Ordinal);
        Assert.Contains("ASPNETCORE_HTTP_PORTS: \"8081\"", fsd, StringComparison.Ordinal);
        Assert.Contains("desiredCount: 1\n    minCapacity: 1\n    maxCapacity: 1", fsd, StringComparison.Ordinal);
        var task = run.Read("ecs/worker.task-definition.json");
        Assert.DoesNotContain("portMappings", task, StringComparison.Ordinal);
        Assert.Contains("\"--health-probe\",\n          \"http://127.0.0.1:8081/health\"", task, StringComparison.Ordinal);
        Assert.DoesNotContain("loadBalancers", run.Read("ecs/worker.service.json"), StringComparison.Ordinal);
        Assert.Contains("Information: Validation: valid: 0 error(s), 0 warning(s).", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Table_permissions_are_only_those_the_model_names()
    {
        using var run = await PublishRun.ModelAsync(SecondModel.Build);

        Assert.Contains("permissions:\n      - dynamodb:GetItem\n      - dynamodb:Query\n    attributes:", run.Read("fsd/web.yml"), StringComparison.Ordinal);
        Assert.Contains("keySchema:\n      - attributeName: pk\n        keyType: HASH\n      - attributeName: sk\n        keyType: RANGE", run.Read("fsd/web.yml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prod_overrides_become_override_flags_on_the_prod_deploy_only_and_environment_publish_applies_them()
    {
        using var neutral = await PublishRun.ModelAsync(SecondModel.Build);
        var workflow = neutral.Read("github/deploy.yml");
        var staging = workflow[workflow.IndexOf("fsd deploy web (staging)", StringComparison.Ordinal)..workflow.IndexOf("fsd deploy web (prod)", StringComparison.Ordinal)];
        var prod = workflow[workflow.IndexOf("fsd deploy web (prod)", StringComparison.Ordinal)..workflow.IndexOf("fsd deploy worker", StringComparison.Ordinal)];
        Assert.DoesNotContain("--override", staging, StringComparison.Ordinal);
        Assert.Contains("--override resources.cpu=1024", prod, StringComparison.Ordinal);
        Assert.Contains("--override resources.maxCapacity=12", prod, StringComparison.Ordinal);

        // Aspire's --environment (the host environment) picks the FSD environment whose overrides go into the files.
        using var forProd = await PublishRun.ModelAsync(SecondModel.Build, environment: "prod");
        Assert.Contains("cpu: 1024\n    memory: 2048\n    desiredCount: 3", forProd.Read("fsd/web.yml"), StringComparison.Ordinal);
        Assert.Contains("\"cpu\": \"1024\"", forProd.Read("ecs/web.task-definition.json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_the_health_probe_and_port_in_the_model_changes_every_file()
    {
        using var run = await PublishRun.ModelAsync(builder =>
            builder.AddProject<TestWebProject>("web").WithHttpEndpoint(port: 9100).WithHttpProbe(ProbeType.Readiness, "/ready").PublishAsFsdService(o => o.Owners.Add("team")));

        Assert.Contains("port: 9100\n  healthCheck:\n    path: /ready", run.Read("fsd/web.yml"), StringComparison.Ordinal);
        Assert.Contains("ASPNETCORE_HTTP_PORTS: \"9100\"", run.Read("fsd/web.yml"), StringComparison.Ordinal);
        Assert.Contains("\"containerPort\": 9100", run.Read("ecs/web.task-definition.json"), StringComparison.Ordinal);
        Assert.Contains("\"http://127.0.0.1:9100/ready\"", run.Read("ecs/web.task-definition.json"), StringComparison.Ordinal);
        Assert.Contains("\"containerPort\": 9100", run.Read("ecs/web.service.json"), StringComparison.Ordinal);
        Assert.Contains("deploy/fsd/web.yml", run.Read("github/deploy.yml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scaling_a_sqlite_service_out_in_the_model_fails_publish_with_the_graduation_advice()
    {
        using var run = await PublishRun.ModelAsync(builder =>
        {
            PublishedModelsFixture.SqliteModel(builder);
            var web = (ProjectResource)builder.Resources.Single(r => r.Name == "web");
            FsdServiceOptionsOf(web).MaxCapacity = 3;
        });

        Assert.True(run.Failed);
        Assert.Contains("service.resources.maxCapacity: 3 tasks on a SQLite database", run.Output, StringComparison.Ordinal);
        Assert.Contains("graduate to DynamoDB", run.Output, StringComparison.Ordinal);
        Assert.Contains("Validation: INVALID", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_without_owners_publishes_with_a_warning()
    {
        // No owner deploys (the platform's documents have examples without one), so it is a warning, not a failure.
        using var run = await PublishRun.ModelAsync(builder => builder.AddProject<TestWorkerProject>("worker"));

        Assert.False(run.Failed, run.Output);
        Assert.Contains($"warning: {run.PathOf("fsd/worker.yml")}:3: metadata.owners: no owner", run.Output, StringComparison.Ordinal);
        Assert.Contains("Validation: valid: 0 error(s)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_writes_the_files_and_starts_nothing()
    {
        EndpointAnnotation? endpoint = null;
        using var run = await PublishRun.ModelAsync(builder =>
            endpoint = builder.AddProject<TestWebProject>("web").WithHttpEndpoint(port: 8000).PublishAsFsdService(o => o.Owners.Add("team"))
                .Resource.Annotations.OfType<EndpointAnnotation>().Single());

        Assert.False(run.Failed, run.Output);
        Assert.True(File.Exists(run.PathOf("fsd/web.yml")));
        Assert.Null(endpoint!.AllocatedEndpoint);
        Assert.DoesNotContain("Error:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Aspire_wiring_variables_are_not_published_and_https_discovery_of_a_service_is_left_out()
    {
        // Aspire injects HTTP_PORTS, forwarded headers, OTLP retry and https service discovery for every project.
        using var run = await PublishRun.ModelAsync(builder =>
        {
            var web = builder.AddProject<TestWebProject>("web").WithHttpEndpoint(port: 8000).WithHttpsEndpoint(port: 8443).PublishAsFsdService(o => o.Owners.Add("team"));
            builder.AddProject<TestWorkerProject>("worker").WithReference(web).PublishAsFsdService(o => o.Owners.Add("team"));
        });

        var worker = run.Read("fsd/worker.yml");
        Assert.Contains("services__web__http__0: ${WEB_HTTP_URL}", worker, StringComparison.Ordinal);
        Assert.Contains("WEB_HTTP: ${WEB_HTTP_URL}", worker, StringComparison.Ordinal);
        Assert.DoesNotContain("https", worker, StringComparison.Ordinal);
        foreach (var variable in new[] { "HTTP_PORTS:", "HTTPS_PORTS", "OTEL_DOTNET_EXPERIMENTAL", "ASPNETCORE_URLS" })
        {
            Assert.DoesNotContain($"    {variable}", run.Read("fsd/web.yml"), StringComparison.Ordinal);
        }

        Assert.Contains("ASPNETCORE_HTTP_PORTS: \"8000\"", run.Read("fsd/web.yml"), StringComparison.Ordinal);
    }

    private static FsdServiceOptions FsdServiceOptionsOf(ProjectResource project) => PublishedServiceFactory.SettingsOf(project);
}
