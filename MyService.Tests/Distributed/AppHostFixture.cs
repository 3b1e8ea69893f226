using MyService.Hosting.Testing;

namespace MyService.Tests.Distributed;

/// <summary>The AppHost's own model, started once for the collection with random ports and throw-away data.</summary>
public sealed class AppHostFixture : IAsyncLifetime
{
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The fixture has not started.");

    public static readonly string[] Resources = ["db", "dynamodb", "projection", "store", "otel-collector", "api", "worker"];

    public async Task InitializeAsync()
    {
        _app = await StartAppHostAsync();
    }

    public static async Task<DistributedApplication> StartAppHostAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.MyService_AppHost>().WithTimeout();
        // Installing DynamoDB Local on a fresh machine takes a while; test.sh does it before the run.
        var app = await builder.BuildAsync().WithTimeout();
        await app.StartAsync().WithTimeout();
        foreach (var resource in Resources)
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource).WithTimeout(TimeSpan.FromMinutes(2));
        }

        return app;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().WithTimeout(TimeSpan.FromSeconds(90));
            await _app.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AppHostCollection : ICollectionFixture<AppHostFixture>
{
    public const string Name = "AppHost";
}
