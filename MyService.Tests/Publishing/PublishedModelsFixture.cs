using Aspire.Hosting;

namespace MyService.Tests.Publishing;

/// <summary>The second model and a SQLite model, published once for the rule tests, which only read them.</summary>
public sealed class PublishedModelsFixture : IAsyncLifetime
{
    internal PublishRun Second { get; private set; } = null!;

    internal PublishRun Sqlite { get; private set; } = null!;

    /// <summary>Like the app model's API: one project on a SQLite data volume.</summary>
    public static void SqliteModel(IDistributedApplicationBuilder builder)
    {
        var db = builder.AddSqlite("db", "app.db").WithDataVolume();
        builder.AddProject<TestWebProject>("web").WithHttpEndpoint(port: 8000).WithHttpHealthCheck("/health").WithReference(db)
            .PublishAsFsdService(o => o.Owners.Add("team"));
    }

    public async Task InitializeAsync()
    {
        Second = await PublishRun.ModelAsync(SecondModel.Build);
        Sqlite = await PublishRun.ModelAsync(SqliteModel);
    }

    public Task DisposeAsync()
    {
        Second.Dispose();
        Sqlite.Dispose();
        return Task.CompletedTask;
    }
}
