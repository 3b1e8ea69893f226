using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;

namespace MyService.Tests.Fuzz;

/// <summary>
/// A service of this repository on real Kestrel (loopback, a port the OS picks) instead of the in-memory TestServer,
/// for what only sockets carry (raw framing, connection reuse, Kestrel's own answers), recording its error logs.
/// </summary>
public sealed class KestrelApp<TEntryPoint> : IDisposable where TEntryPoint : class
{
    private readonly WebApplicationFactory<TEntryPoint> _factory;

    /// <param name="factory">The service as the tests configure it; its logging must include <paramref name="logs"/>.</param>
    public KestrelApp(WebApplicationFactory<TEntryPoint> factory, FakeLogCollector logs)
    {
        _factory = factory;
        Logs = logs;
        factory.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        factory.StartServer();
        BaseAddress = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    public Uri BaseAddress { get; }

    public FakeLogCollector Logs { get; }

    public void Dispose() => _factory.Dispose();
}
