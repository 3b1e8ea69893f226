using Microsoft.AspNetCore.TestHost;
using MyService.Tests.Api;
using OpenTelemetry.Trace;

namespace MyService.Tests.ServiceDefaults;

/// <summary>The API in-process (its own SQLite file) with a <see cref="SpanCollector"/> on its tracer provider.</summary>
internal sealed class TracedApi : IDisposable
{
    private readonly ApiFactory _api = new();
    private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _factory;

    public TracedApi()
    {
        _factory = _api.WithWebHostBuilder(web => web.ConfigureTestServices(
            services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(Spans))));
        Client = _factory.CreateClient();
        Client.Timeout = TestTimeouts.Default;
    }

    public SpanCollector Spans { get; } = new();

    public HttpClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        _factory.Dispose();
        _api.Dispose();
        Spans.Dispose();
    }
}
