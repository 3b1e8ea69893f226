using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MyService.Tests.Api;

namespace MyService.Tests.Fuzz;

/// <summary>The API on real Kestrel (a port the OS picks, loopback) on its own SQLite file, recording error logs.</summary>
public sealed class KestrelApi : IDisposable
{
    private readonly ApiFactory _factory;

    private KestrelApi(ApiFactory factory, Uri address, ErrorLogRecorder logs)
    {
        _factory = factory;
        BaseAddress = address;
        Logs = logs;
    }

    public Uri BaseAddress { get; }

    public ErrorLogRecorder Logs { get; }

    public static KestrelApi Start()
    {
        var logs = new ErrorLogRecorder();
        var factory = ApiFactory.With(web => web.ConfigureLogging(logging => logging.AddProvider(logs)));
        factory.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new KestrelApi(factory, new Uri(address), logs);
    }

    public void Dispose() => _factory.Dispose();
}
