extern alias Worker;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using MyService.Tests.Api;
using MyService.Tests.Worker;
using Worker::MyService.Worker.Feed;
using Worker::MyService.Worker.Projection;

namespace MyService.Tests.Fuzz;

/// <summary>The services the fuzz suites send to, each on real Kestrel.</summary>
public static class FuzzServers
{
    /// <summary>What a server logs at Error and above, kept: a client's mistake must log none.</summary>
    public static FakeLogCollector ErrorLogs() => FakeLogCollector.Create(new FakeLogCollectorOptions { FilteredLevels = { LogLevel.Error, LogLevel.Critical } });

    /// <summary>The API on its own SQLite file.</summary>
    public static KestrelApp<Program> Api()
    {
        var logs = ErrorLogs();
        return new KestrelApp<Program>(ApiFactory.With(web => web.ConfigureLogging(logging => logging.AddProvider(new FakeLoggerProvider(logs)))), logs);
    }

    /// <summary>The worker with an empty feed and in-memory stores: its HTTP surface alone.</summary>
    public static KestrelApp<Worker::Program> Worker()
    {
        var logs = ErrorLogs();
        var factory = new WebApplicationFactory<Worker::Program>().WithWebHostBuilder(web => web
            .UseEnvironment("Testing")
            // What its start-up check asks for; the stores that would use them are replaced below.
            .UseSetting("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:9")
            .UseSetting("AWS:Resources:projection:TableName", "unused")
            .ConfigureLogging(logging => logging.AddProvider(new FakeLoggerProvider(logs)))
            .ConfigureTestServices(services =>
            {
                services.RemoveAll<IChangeFeedSource>().AddSingleton<IChangeFeedSource>(new FakeFeed([]));
                services.RemoveAll<IProjectionStore>().AddSingleton<IProjectionStore>(new RecordingProjection());
                services.RemoveAll<ICheckpointStore>().AddSingleton<ICheckpointStore>(new FakeCheckpoints());
            }));
        return new KestrelApp<Worker::Program>(factory, logs);
    }
}
