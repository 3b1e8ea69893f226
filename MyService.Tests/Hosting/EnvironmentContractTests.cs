using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MyService.Hosting;
using MyService.Hosting.ApplicationModel;
using MyService.Hosting.Orchestration;

namespace MyService.Tests.Hosting;

/// <summary>DESIGN §5: the variables a project receives, computed from the model.</summary>
public sealed class EnvironmentContractTests
{
    private sealed class FakeProject : IProjectMetadata
    {
        public string ProjectPath => "/src/Fake/Fake.csproj";

        public string TargetPath => "/src/Fake/bin/Fake.dll";
    }

    [Fact]
    public async Task A_project_gets_urls_environment_references_otel_and_parameters()
    {
        await using var model = new TestAppModel();
        model.Builder.Configuration["Parameters:api-key"] = "s3cret";
        model.Builder.Configuration["Parameters:region-name"] = "eu-west-1";
        var db = model.Builder.AddSqlite("db", "myservice.db").WithDataVolume();
        var dynamo = model.Builder.AddDynamoDBLocal("dynamodb");
        var table = dynamo.AddTable("projection", "pk", tableName: "myservice-projection");
        model.Builder.AddOpenTelemetryCollector("otel-collector");
        var apiKey = model.Builder.AddParameter("api-key", secret: true);
        var region = model.Builder.AddParameter("region-name");
        var api = model.Builder.AddProject<FakeProject>("api").WithHttpEndpoint();
        var worker = model.Builder.AddProject<FakeProject>("worker")
            .WithReference(db).WithReference(api).WithReference(table)
            .WithEnvironment("API_KEY", apiKey).WithEnvironment("REGION", region);
        var app = model.Builder.Build();
        var run = new ResourceRunContext(model.Options, app.Services.GetRequiredService<IConfiguration>());
        var ports = new PortAllocator(model.Options);
        foreach (var resource in model.Builder.Resources)
        {
            Assert.Null(ports.Allocate(resource));
        }

        var resolver = new EnvironmentResolver(app.Services.GetRequiredService<DistributedApplicationModel>(), run, app.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostEnvironment>());
        var env = resolver.ModelVariables(worker.Resource);
        var apiUrl = api.Resource.GetEndpoint().AllocatedEndpoint!.ToString();

        Assert.Equal($"Data Source={Path.Combine(model.Options.DataDirectory, "db", "myservice.db")}", env["ConnectionStrings__db"]);
        Assert.Equal(apiUrl, env["services__api__http__0"]);
        Assert.Equal(apiUrl, env["API_HTTP"]);
        Assert.Equal(dynamo.Resource.EndpointUri!.ToString().TrimEnd('/'), env["AWS_ENDPOINT_URL_DYNAMODB"]);
        Assert.Equal("us-east-1", env["AWS_REGION"]);
        Assert.Matches("^[a-zA-Z0-9]+$", env["AWS_ACCESS_KEY_ID"]);
        Assert.Matches("^[a-zA-Z0-9]+$", env["AWS_SECRET_ACCESS_KEY"]);
        Assert.Equal("myservice-projection", env["AWS__Resources__projection__TableName"]);
        Assert.StartsWith("http://localhost:", env["OTEL_EXPORTER_OTLP_ENDPOINT"], StringComparison.Ordinal);
        Assert.Equal("http/protobuf", env["OTEL_EXPORTER_OTLP_PROTOCOL"]);
        Assert.StartsWith("x-otlp-api-key=", env["OTEL_EXPORTER_OTLP_HEADERS"], StringComparison.Ordinal);
        Assert.Equal("worker", env["OTEL_SERVICE_NAME"]);
        Assert.Matches("^service.instance.id=[0-9a-f]{8}$", env["OTEL_RESOURCE_ATTRIBUTES"]);
        Assert.Equal("1000", env["OTEL_BSP_SCHEDULE_DELAY"]);
        Assert.Equal("always_on", env["OTEL_TRACES_SAMPLER"]);
        Assert.Equal("Development", env["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("s3cret", env["API_KEY"]);

        var shown = EnvironmentResolver.Masked(worker.Resource, env);
        Assert.Equal(SecretVariables.Mask, shown["API_KEY"]);
        Assert.Equal(SecretVariables.Mask, shown["AWS_SECRET_ACCESS_KEY"]);
        Assert.Equal("eu-west-1", shown["REGION"]);

        var apiEnv = resolver.ModelVariables(api.Resource);
        Assert.Equal(apiUrl, apiEnv["ASPNETCORE_URLS"]);
        Assert.False(apiEnv.ContainsKey("ConnectionStrings__db"));
    }

    [Fact]
    public async Task A_missing_parameter_stops_start_up_naming_the_configuration_key()
    {
        await using var model = new TestAppModel();
        var missing = model.Builder.AddParameter("db-password", secret: true);
        model.AddShell("uses-it", "sleep 30").WithEnvironment("DB_PASSWORD", missing);

        var error = await Assert.ThrowsAsync<MissingParameterValueException>(() => model.StartAsync());

        Assert.Contains("Parameters:db-password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Referencing_something_that_offers_nothing_is_an_error_at_model_time()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions());
        var plain = builder.AddExecutable("plain", "true", ".");
        var other = builder.AddExecutable("other", "true", ".");

        Assert.Throws<DistributedApplicationException>(() => other.WithReference(plain));
    }
}
