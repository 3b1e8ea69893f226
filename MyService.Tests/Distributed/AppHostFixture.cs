extern alias AppHost;

using Aspire.Hosting;
using Aspire.Hosting.Testing;
using MyService.Tests.ServiceDefaults;
using TempDirectory = MyService.Tests.TestSupport.TempDirectory;

namespace MyService.Tests.Distributed;

/// <summary>
/// The real AppHost's model, started once for the collection: random ports, data under a throw-away folder,
/// DynamoDB Local in memory, and the collector also forwarding to a test sink so tests can read what it received.
/// </summary>
public sealed class AppHostFixture : IAsyncLifetime
{
    /// <summary>DynamoDB Local, whatever a developer's shell says (an empty value wins over <c>ConnectionStrings__dynamodb</c>).</summary>
    public const string RunsDynamoDBLocal = "--ConnectionStrings:dynamodb=";

    public static readonly string[] Resources = ["db", "dynamodb", "projection", "store", "otel-collector", "api", "worker"];

    private readonly TempDirectory _data = new();
    private DistributedApplication? _app;
    private OtlpSink? _upstream;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>Everything the collector forwarded upstream.</summary>
    public OtlpSink Upstream => _upstream ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        _upstream = await OtlpSink.StartAsync();
        _app = await StartAsync(_data.Path, _upstream.Endpoint);
    }

    /// <summary>Builds and starts the AppHost's model and waits until every resource is healthy.</summary>
    /// <param name="dynamoDBInMemory">False keeps DynamoDB Local's tables in its data folder under <paramref name="dataDirectory"/>, as a developer's run does.</param>
    public static async Task<DistributedApplication> StartAsync(
        string dataDirectory, Uri? upstream = null, DistributedApplicationTestingBuilderOptions? options = null, bool dynamoDBInMemory = true)
    {
        string[] args =
        [
            $"--AppHost:DataDirectory={dataDirectory}",
            $"--AppHost:DynamoDBLocal:InMemory={dynamoDBInMemory}",
            RunsDynamoDBLocal,
            .. upstream is null ? Array.Empty<string>() : [$"--Collector:Upstream:Endpoint={upstream}"],
        ];
        var builder = await DistributedApplicationTestingBuilder
            .CreateAsync<AppHost::Projects.MyService_AppHost>(options ?? new DistributedApplicationTestingBuilderOptions(), args)
            .WithTimeout(TimeSpan.FromMinutes(1));
        var app = await builder.BuildAsync().WithTimeout(TimeSpan.FromMinutes(1));
        try
        {
            // DynamoDB Local is installed by test.sh before the run; starting everything takes seconds, not minutes.
            await app.StartAsync().WithTimeout(TimeSpan.FromMinutes(2));
            foreach (var resource in Resources)
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(resource).WithTimeout(TimeSpan.FromMinutes(2));
            }

            return app;
        }
        catch
        {
            // An app that did not come up is stopped here: nobody else holds it, and its processes would run on.
            await app.StopAsync().WithTimeout(TimeSpan.FromSeconds(60));
            await app.DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().WithTimeout(TimeSpan.FromSeconds(60));
            await _app.DisposeAsync();
        }

        if (_upstream is not null)
        {
            await _upstream.DisposeAsync();
        }

        _data.Dispose();
    }
}
