using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MyService.Api.Storage.Migration;
using MyService.Tests.Api;

namespace MyService.Tests.Storage;

/// <summary>The SQLite -> DynamoDB graduation: the API on DynamoDB serves what it served on SQLite.</summary>
[Collection(DynamoDBLocalCollection.Name)]
public sealed class MigrationTests(DynamoDBLocalServer dynamo) : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task An_interrupted_migration_resumes_and_a_second_run_changes_nothing()
    {
        var path = _directory.File("resume.db");
        await PopulateAsync(path, users: 12);
        var table = await dynamo.CreateTableAsync("migrate");

        using var cancellation = new CancellationTokenSource();
        var firstRun = new ProgressLines(line => { if (line.Contains("users: 5/", StringComparison.Ordinal)) { cancellation.Cancel(); } });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunAsync(path, table, firstRun, cancellation.Token)).WithTimeout();
        var resumed = new ProgressLines();
        Assert.True(await RunAsync(path, table, resumed).WithTimeout());
        var again = new ProgressLines();
        Assert.True(await RunAsync(path, table, again).WithTimeout());

        Assert.Contains(resumed.Lines, l => l.Contains("users: 10/11", StringComparison.Ordinal));
        Assert.DoesNotContain(resumed.Lines, l => l.Contains("users: 5/11", StringComparison.Ordinal));
        Assert.Contains(again.Lines, l => l.StartsWith("Already migrated", StringComparison.Ordinal));
        await AssertSameDataAsync(path, table);
    }

    [Fact]
    public async Task A_table_the_api_already_wrote_to_is_refused()
    {
        var path = _directory.File("refuse.db");
        await PopulateAsync(path, users: 1);
        var table = await dynamo.CreateTableAsync("taken");
        using (var api = ApiFactory.OnDynamoDB(dynamo.Settings(("store", table))))
        {
            await api.CreateApiClient().CreateUserAsync("first@example.com", "First");
        }

        var progress = new ProgressLines();
        Assert.False(await RunAsync(path, table, progress).WithTimeout());
        Assert.Contains(progress.Lines, l => l.Contains("refusing", StringComparison.Ordinal));
    }

    /// <summary>Users (one updated, one deleted, a 409 on the way), items and their events, written through the API on SQLite.</summary>
    internal static async Task PopulateAsync(string path, int users)
    {
        using var api = ApiFactory.OnFile(path);
        var client = api.CreateApiClient();
        for (var i = 0; i < users; i++)
        {
            await client.CreateUserAsync($"user{i}@example.com", $"User {i}");
        }

        using (await client.PostUserAsync("USER0@example.com")) { }
        using (await client.PutAsJsonAsync("/users/2", new { email = "renamed@example.com", name = "Renamed" })) { }
        using (await client.DeleteAsync("/users/3")) { }
        using (await client.PostAsJsonAsync("/items", new { name = "thing", description = "a thing" })) { }
    }

    internal async Task AssertSameDataAsync(string path, string table)
    {
        using var sqlite = ApiFactory.OnFile(path);
        using var dynamoApi = ApiFactory.OnDynamoDB(dynamo.Settings(("store", table)));
        await MigratedData.AssertSameAsync(sqlite.CreateApiClient(), dynamoApi.CreateApiClient());
    }

    private async Task<bool> RunAsync(string path, string table, TextWriter progress, CancellationToken cancellationToken = default)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(dynamo.Settings(("store", table)));
        builder.Configuration["ConnectionStrings:db"] = $"Data Source={path}";
        builder.AddMigration();
        using var host = builder.Build();
        var migration = host.Services.GetRequiredService<SqliteToDynamoMigration>();
        migration.PageSize = 5;
        return await migration.RunAsync(progress, cancellationToken);
    }
}
