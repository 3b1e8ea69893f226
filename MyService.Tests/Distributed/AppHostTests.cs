using System.Net;
using System.Net.Http.Json;
using Amazon.DynamoDBv2.Model;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using MyService.Hosting.OpenTelemetry;
using MyService.Tests.Api;

namespace MyService.Tests.Distributed;

/// <summary>The real app model, driven end to end: real processes under DCP, real SQLite, the real DynamoDB Local.</summary>
[Collection(AppHostCollection.Name)]
public sealed class AppHostTests(AppHostFixture fixture)
{
    private DistributedApplication App => fixture.App;

    private HttpClient Api()
    {
        var client = App.CreateHttpClient("api");
        client.Timeout = TestTimeouts.Default;
        return client;
    }

    [Fact]
    public async Task Every_resource_is_running_and_healthy_and_the_api_is_on_a_random_port()
    {
        foreach (var name in AppHostFixture.Resources)
        {
            var healthy = await App.ResourceNotifications.WaitForResourceHealthyAsync(name).WithTimeout(TimeSpan.FromSeconds(60));
            Assert.Equal(KnownResourceStates.Running, healthy.Snapshot.State?.Text);
        }

        Assert.NotEqual(8000, App.GetEndpoint("api").Port);
        Assert.NotEqual(8081, App.GetEndpoint("worker").Port);
    }

    [Fact]
    public async Task The_api_resource_links_its_api_reference()
    {
        var api = await App.ResourceNotifications.WaitForResourceAsync(
            "api", e => e.Snapshot.Urls.Any(u => u.DisplayProperties.DisplayName == "API reference")).WithTimeout(TimeSpan.FromSeconds(60));
        await App.ResourceNotifications.WaitForResourceHealthyAsync("api").WithTimeout(TimeSpan.FromSeconds(60));
        var link = api.Snapshot.Urls.Single(u => u.DisplayProperties.DisplayName == "API reference");

        Assert.Equal($"{App.GetEndpoint("api").ToString().TrimEnd('/')}/scalar", link.Url);
        using var client = Api();
        using var page = await client.GetAsync(new Uri(link.Url)).WithTimeout();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Users_can_be_created_read_updated_and_deleted_through_the_api()
    {
        using var client = Api();
        var email = $"d{Guid.NewGuid():N}@example.com";

        using var created = await client.PostUserAsync(email, "Dist").WithTimeout();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var path = created.Headers.Location!.OriginalString;
        using var updated = await client.PutAsJsonAsync(path, new { email, name = "Dist 2" }).WithTimeout();
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        using var read = await client.GetAsync(path).WithTimeout();
        Assert.Equal("Dist 2", (await read.ReadJsonAsync()).GetProperty("name").GetString());
        using var deleted = await client.DeleteAsync(path).WithTimeout();
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await client.GetAsync(path).WithTimeout();
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task The_api_process_gets_the_environment_contract()
    {
        var environment = await AppResources.EnvironmentOfAsync(await App.ProcessIdAsync("api"));
        var db = await App.GetConnectionStringAsync("db").WithTimeout();
        var collector = await App.Resource<OpenTelemetryCollectorResource>("otel-collector").Endpoint.WithTimeout();

        Assert.Equal(db, environment["ConnectionStrings__db"]);
        Assert.EndsWith("/db/myservice.db", db, StringComparison.Ordinal);
        Assert.Equal(collector.ToString().TrimEnd('/'), environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("http/protobuf", environment["OTEL_EXPORTER_OTLP_PROTOCOL"]);
        Assert.StartsWith("x-otlp-api-key=", environment["OTEL_EXPORTER_OTLP_HEADERS"], StringComparison.Ordinal);
        Assert.Equal("api", environment["OTEL_SERVICE_NAME"]);
        Assert.Equal(App.DynamoDB().Endpoint.Url, environment["AWS_ENDPOINT_URL_DYNAMODB"]);
        Assert.Equal("myservice-store", environment["AWS__Resources__store__TableName"]);
        Assert.StartsWith("http://localhost:", environment["ASPNETCORE_URLS"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_worker_finds_the_api_through_service_discovery_and_gets_its_table()
    {
        var environment = await AppResources.EnvironmentOfAsync(await App.ProcessIdAsync("worker"));

        Assert.Equal(App.GetEndpoint("api").ToString().TrimEnd('/'), environment["services__api__http__0"].TrimEnd('/'));
        Assert.Equal("myservice-projection", environment["AWS__Resources__projection__TableName"]);
        Assert.Equal("worker", environment["OTEL_SERVICE_NAME"]);
    }

    [Fact]
    public async Task The_declared_tables_exist_in_dynamodb_local()
    {
        using var client = App.DynamoDB().CreateClient(TimeSpan.FromSeconds(10));

        var tables = await client.ListTablesAsync(new ListTablesRequest()).WithTimeout();
        var projection = await client.DescribeTableAsync("myservice-projection").WithTimeout();

        Assert.Contains("myservice-store", tables.TableNames);
        Assert.Equal(["pk", "sk"], projection.Table.KeySchema.Select(k => k.AttributeName));
    }

    [Fact]
    public async Task Data_survives_a_restart_of_the_api_from_the_restart_command()
    {
        using var client = Api();
        var user = await client.CreateUserAsync($"r{Guid.NewGuid():N}@example.com", "Survivor").WithTimeout();
        var before = await App.ProcessIdAsync("api");

        var result = await App.ResourceCommands.ExecuteCommandAsync("api", KnownResourceCommands.RestartCommand).WithTimeout(TimeSpan.FromSeconds(60));
        Assert.True(result.Success, result.Message);
        var after = await App.WaitForAsync("api", e => AppResources.IsUp(e) && AppResources.ProcessId(e) is { } pid && pid != before);

        using var read = await client.GetAsync($"/users/{user.GetProperty("id")}").WithTimeout();
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        // A restart someone asked for is not a crash.
        Assert.Equal(0, AppResources.Restarts(after));
    }
}
