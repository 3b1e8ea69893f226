using System.Net;
using Dapper;
using Microsoft.Data.Sqlite;
using MyService.Api.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using MyService.Tests.TestSupport;

namespace MyService.Tests.Api;

/// <summary>The database file outlives the app: restarts and schema upgrades keep every row.</summary>
public sealed class PersistenceTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Data_survives_a_new_app_instance_on_the_same_file()
    {
        var path = _directory.File("restart.db");
        long id;
        using (var first = ApiFactory.OnFile(path))
        {
            var user = await first.CreateApiClient().CreateUserAsync("restart@example.com", "Before");
            id = user.GetProperty("id").GetInt64();
        }

        using var second = ApiFactory.OnFile(path);
        using var response = await second.CreateApiClient().GetAsync($"/users/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Before", (await response.ReadJsonAsync()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_database_created_by_migration_1_upgrades_to_the_latest_and_keeps_its_rows()
    {
        var path = _directory.File("upgrade.db");
        var connectionString = $"Data Source={path}";
        await using (var database = new SqliteDatabase(connectionString))
        {
            var version = await new SqliteMigrator(database, NullLogger<SqliteMigrator>.Instance).MigrateAsync(1).WithTimeout();
            Assert.Equal(1, version);
            await database.WriteAsync((c, t) => c.ExecuteAsync(
                "INSERT INTO users (email, name, version, created_at, updated_at) VALUES ('old@example.com', 'Old', 1, '2024-01-01T00:00:00.0000000Z', '2024-01-01T00:00:00.0000000Z')",
                transaction: t), CancellationToken.None).WithTimeout();
        }

        using var factory = ApiFactory.OnFile(path);
        var client = factory.CreateApiClient();
        using var old = await client.GetAsync("/users/1");
        using var created = await client.PostUserAsync("new@example.com");
        using var feed = await client.GetAsync("/events");

        Assert.Equal("Old", (await old.ReadJsonAsync()).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(1, (await feed.ReadJsonAsync()).GetProperty("events").GetArrayLength());
        await using var connection = new SqliteConnection(connectionString);
        var versions = (await connection.QueryAsync<int>("SELECT version FROM schema_version ORDER BY version").WithTimeout()).ToList();
        Assert.Equal(Migrations.All.Select(m => m.Version), versions);
    }

    [Fact]
    public async Task Migrating_twice_applies_nothing_new_and_the_file_is_in_wal_mode()
    {
        var path = _directory.File("twice.db");
        await using var database = new SqliteDatabase($"Data Source={path}");
        var migrator = new SqliteMigrator(database, NullLogger<SqliteMigrator>.Instance);

        Assert.Equal(Migrations.Latest, await migrator.MigrateAsync().WithTimeout());
        Assert.Equal(Migrations.Latest, await migrator.MigrateAsync().WithTimeout());

        await using var connection = await database.OpenReaderAsync(CancellationToken.None).WithTimeout();
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode").WithTimeout());
        Assert.Equal(Migrations.All.Count, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM schema_version").WithTimeout());
    }

    [Fact]
    public void A_relative_data_source_lands_under_the_content_root_and_its_directory_is_created()
    {
        var resolved = MyService.Api.Extensions.StorageExtensions.ResolveFilePath("Data Source=data/x.db", _directory.Path);

        Assert.Contains($"Data Source={Path.Combine(_directory.Path, "data", "x.db")}", resolved, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(_directory.Path, "data")));
    }
}
