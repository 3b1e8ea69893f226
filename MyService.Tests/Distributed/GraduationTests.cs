using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MyService.Api.Storage.Migration;
using MyService.Tests.Api;
using MyService.Tests.Storage;

namespace MyService.Tests.Distributed;

/// <summary>docs/GRADUATION.md on the real app model: its SQLite file into its DynamoDB Local, then the API on DynamoDB.</summary>
[Collection(AppHostCollection.Name)]
public sealed class GraduationTests(AppHostFixture fixture)
{
    private DistributedApplication App => fixture.App;

    [Fact]
    public async Task The_migration_moves_the_populated_sqlite_database_and_the_api_on_dynamodb_serves_the_same_data()
    {
        using var client = App.CreateHttpClient("api");
        client.Timeout = TestTimeouts.Default;
        for (var i = 0; i < 5; i++)
        {
            await client.CreateUserAsync($"g{i}-{Guid.NewGuid():N}@example.com", $"Graduate {i}");
            using (await client.PostAsJsonAsync("/items", new { name = $"item {i}", description = "moved" })) { }
        }

        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:db"] = await App.GetConnectionStringAsync("db").WithTimeout(),
            ["AWS_ENDPOINT_URL_DYNAMODB"] = App.DynamoDB().Endpoint.Url,
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ACCESS_KEY_ID"] = "local",
            ["AWS_SECRET_ACCESS_KEY"] = "local",
            ["AWS:Resources:store:TableName"] = "myservice-store",
        };
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddMigration();
        using (var host = builder.Build())
        {
            Assert.True(await host.Services.GetRequiredService<SqliteToDynamoMigration>().RunAsync(TextWriter.Null, default).WithTimeout(TimeSpan.FromSeconds(60)));
        }

        using var onDynamo = ApiFactory.OnDynamoDB(settings);
        await MigratedData.AssertSameAsync(client, onDynamo.CreateApiClient());
        // Ids continue after SQLite's: nothing migrated is overwritten by a new write.
        var next = await onDynamo.CreateApiClient().CreateUserAsync($"after-{Guid.NewGuid():N}@example.com", "After");
        using var page = await client.GetAsync("/users?limit=1000");
        Assert.True(next.GetProperty("id").GetInt64() > (await page.ReadJsonAsync()).GetProperty("items").EnumerateArray().Max(u => u.GetProperty("id").GetInt64()));
    }
}
