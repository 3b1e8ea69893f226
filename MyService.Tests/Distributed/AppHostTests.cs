using System.Net;
using System.Net.Http.Json;
using Amazon.DynamoDBv2.Model;
using MyService.Hosting.DynamoDB;
using MyService.Hosting.Orchestration;
using MyService.Hosting.Testing;
using MyService.Tests.Api;
using MyService.Tests.Hosting;

namespace MyService.Tests.Distributed;

/// <summary>The real app model, driven end to end: real processes, real SQLite, the real DynamoDB Local.</summary>
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
    public void Every_resource_is_up_on_a_random_port()
    {
        foreach (var name in AppHostFixture.Resources)
        {
            Assert.True(App.ResourceNotifications.Get(name)!.IsUp, $"{name} is not up");
        }

        Assert.NotEqual(8000, App.GetEndpoint("api").Port);
    }

    [Fact]
    public async Task Users_can_be_created_read_updated_and_deleted_through_the_api()
    {
        using var client = Api();
        var email = $"d{Guid.NewGuid():N}@example.com";

        using var created = await client.PostUserAsync(email, "Dist");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var path = created.Headers.Location!.OriginalString;
        using var updated = await client.PutAsJsonAsync(path, new { email, name = "Dist 2" });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        using var read = await client.GetAsync(path);
        Assert.Equal("Dist 2", (await read.ReadJsonAsync()).GetProperty("name").GetString());
        using var deleted = await client.DeleteAsync(path);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Fact]
    public async Task The_api_process_gets_the_design_environment_contract()
    {
        var pid = App.ResourceNotifications.Get("api")!.ProcessId!.Value;
        var environ = (await File.ReadAllTextAsync($"/proc/{pid}/environ").WithTimeout())
            .Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(v => v.Split('=', 2)).ToDictionary(v => v[0], v => v[1]);
        var db = await App.GetConnectionStringAsync("db").WithTimeout();

        Assert.Equal(db, environ["ConnectionStrings__db"]);
        Assert.EndsWith("myservice.db", db, StringComparison.Ordinal);
        Assert.Equal(App.GetEndpoint("api").ToString().TrimEnd('/'), environ["ASPNETCORE_URLS"]);
        Assert.Equal(App.GetEndpoint("otel-collector", "otlp").ToString().TrimEnd('/'), environ["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("api", environ["OTEL_SERVICE_NAME"]);
        Assert.Equal("Development", environ["DOTNET_ENVIRONMENT"]);
    }

    [Fact]
    public async Task The_declared_tables_exist_in_dynamodb_local()
    {
        var dynamo = (DynamoDBLocalResource)App.Services.GetRequiredServiceModel().Find("dynamodb");
        using var client = dynamo.CreateClient(TimeSpan.FromSeconds(10));

        var tables = await client.ListTablesAsync(new ListTablesRequest()).WithTimeout();
        var projection = await client.DescribeTableAsync("myservice-projection").WithTimeout();

        Assert.Contains("myservice-projection", tables.TableNames);
        Assert.Equal(["pk", "sk"], projection.Table.KeySchema.Select(k => k.AttributeName));
    }

    [Fact]
    public async Task Data_survives_a_restart_of_the_api_resource()
    {
        using var client = Api();
        var user = await client.CreateUserAsync($"r{Guid.NewGuid():N}@example.com", "Survivor");
        var before = App.ResourceNotifications.Get("api")!;

        await App.ResourceCommands.ExecuteCommandAsync("api", ResourceCommandService.Restart).WithTimeout(TimeSpan.FromSeconds(60));
        await App.WaitForAsync("api", s => s.IsUp && s.ProcessId != before.ProcessId);

        using var read = await client.GetAsync($"/users/{user.GetProperty("id")}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task Killing_the_api_process_restarts_it_automatically_with_the_data_intact()
    {
        using var client = Api();
        var user = await client.CreateUserAsync($"k{Guid.NewGuid():N}@example.com", "Killed");
        var before = await App.WaitForAsync("api", s => s.IsUp);

        using (var process = System.Diagnostics.Process.GetProcessById(before.ProcessId!.Value))
        {
            process.Kill();
        }

        var after = await App.WaitForAsync("api", s => s.IsUp && s.ProcessId != before.ProcessId, TimeSpan.FromSeconds(60));
        using var read = await client.GetAsync($"/users/{user.GetProperty("id")}");

        Assert.Equal(before.RestartCount + 1, after.RestartCount);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }
}
