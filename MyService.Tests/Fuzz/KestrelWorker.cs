extern alias Worker;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using MyService.Tests.Worker;
using Worker::MyService.Worker.Feed;
using Worker::MyService.Worker.Projection;

namespace MyService.Tests.Fuzz;

/// <summary>The worker on real Kestrel (loopback, a port the OS picks) with an empty feed and in-memory stores: its HTTP surface alone.</summary>
public sealed class KestrelWorker : IDisposable
{
    private readonly WebApplicationFactory<Worker::Program> _factory;

    private KestrelWorker(WebApplicationFactory<Worker::Program> factory, Uri address, ErrorLogRecorder logs)
    {
        _factory = factory;
        BaseAddress = address;
        Logs = logs;
    }

    public Uri BaseAddress { get; }

    public ErrorLogRecorder Logs { get; }

    public static KestrelWorker Start()
    {
        var logs = new ErrorLogRecorder();
        var factory = new WebApplicationFactory<Worker::Program>().WithWebHostBuilder(web => web
            .UseEnvironment("Testing")
            .ConfigureLogging(logging => logging.AddProvider(logs))
            .ConfigureTestServices(services =>
            {
                services.RemoveAll<IChangeFeedSource>().AddSingleton<IChangeFeedSource>(new FakeFeed([]));
                services.RemoveAll<IProjectionStore>().AddSingleton<IProjectionStore>(new RecordingProjection());
                services.RemoveAll<ICheckpointStore>().AddSingleton<ICheckpointStore>(new FakeCheckpoints());
            }));
        factory.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new KestrelWorker(factory, new Uri(address), logs);
    }

    public void Dispose() => _factory.Dispose();
}
