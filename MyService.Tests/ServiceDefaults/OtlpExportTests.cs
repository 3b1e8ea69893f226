using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using MyService.Tests.TestSupport;

namespace MyService.Tests.ServiceDefaults;

/// <summary>With the OTEL_* variables an AppHost injects, a service really exports traces, metrics and logs over OTLP/HTTP.</summary>
[Collection(ProcessWideTelemetryCollection.Name)]
public sealed class OtlpExportTests
{
    [Fact]
    public async Task Traces_metrics_and_logs_reach_the_otlp_endpoint_with_the_configured_identity()
    {
        await using var sink = await OtlpSink.StartAsync();
        await using var app = await StartServiceAsync(sink.Endpoint);
        using var client = new HttpClient { BaseAddress = app.Address, Timeout = TestTimeouts.Default };

        // Over a raw socket: an HttpClient call would add a client span of its own naming /health.
        Assert.StartsWith("HTTP/1.1 200", await RawGetAsync(app.Address, "/health"), StringComparison.Ordinal);

        using (await client.GetAsync("/probe/7"))
        {
        }

        var trace = await sink.WaitForAsync("/v1/traces", "/probe/{n}");
        var log = await sink.WaitForAsync("/v1/logs", "probe handled 7");
        var metric = await sink.WaitForAsync("/v1/metrics", "http.server.request.duration");

        Assert.All([trace, log, metric], e => Assert.Equal("application/x-protobuf", e.ContentType));
        Assert.All([trace, log, metric], e => Assert.Equal("secret-key", e.ApiKey));
        Assert.All([trace, log, metric], e => Assert.True(e.Contains("otlp-test-service"), "service.name missing"));
        Assert.True(trace.Contains("instance-1234"), "OTEL_RESOURCE_ATTRIBUTES not applied");
        // Probes are not traced: the health request ended before the probe, so it would be in this or an earlier batch.
        Assert.DoesNotContain(sink.Exports, e => e.Path == "/v1/traces" && e.Contains("/health"));
    }

    [Fact]
    public async Task A_successful_export_is_not_logged_by_the_resilience_handler()
    {
        await using var sink = await OtlpSink.StartAsync();
        var logs = new FakeLogCollector();
        await using var app = await StartServiceAsync(sink.Endpoint, logging => logging.AddProvider(new FakeLoggerProvider(logs)));
        using var client = new HttpClient { BaseAddress = app.Address, Timeout = TestTimeouts.Default };
        using (await client.GetAsync("/probe/1"))
        {
        }

        // Two exports through the exporter's client, which has the standard resilience handler like every client;
        // the first had its answer long before the second was sent.
        await sink.WaitForAsync("/v1/traces", "/probe/{n}");
        await sink.WaitForAsync("/v1/metrics", "http.server.request.duration");

        // Polly's "Execution attempt" line, at Information for every attempt: three a second per service under Aspire.
        Assert.DoesNotContain(logs.GetSnapshot(), r => r.Category is { } category && category.StartsWith("Polly", StringComparison.Ordinal) && r.Level < LogLevel.Warning);
        Assert.Contains(logs.GetSnapshot(), r => r.Message.Contains("probe handled 1", StringComparison.Ordinal));
    }

    private static async Task<string> RawGetAsync(Uri address, string path)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port).WithTimeout();
        var stream = tcp.GetStream();
        var request = System.Text.Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: {address.Authority}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(request).AsTask().WithTimeout();
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync().WithTimeout();
    }

    private static async Task<RunningService> StartServiceAsync(Uri otlpEndpoint, Action<ILoggingBuilder>? logging = null)
    {
        var builder = WebApplication.CreateBuilder();
        logging?.Invoke(builder.Logging);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // The variables an AppHost injects, as configuration (environment variables reach it the same way).
        builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint.ToString().TrimEnd('/');
        builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        builder.Configuration["OTEL_EXPORTER_OTLP_HEADERS"] = "x-otlp-api-key=secret-key";
        builder.Configuration["OTEL_SERVICE_NAME"] = "otlp-test-service";
        builder.Configuration["OTEL_RESOURCE_ATTRIBUTES"] = "service.instance.id=instance-1234";
        builder.Configuration["OTEL_BSP_SCHEDULE_DELAY"] = "100";
        builder.Configuration["OTEL_BLRP_SCHEDULE_DELAY"] = "100";
        builder.Configuration["OTEL_METRIC_EXPORT_INTERVAL"] = "200";
        builder.AddServiceDefaults();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGet("/probe/{n}", (int n, ILogger<OtlpExportTests> logger) =>
        {
            logger.LogInformation("probe handled {N}", n);
            return n;
        });
        await app.StartAsync().WithTimeout();
        return new RunningService(app);
    }

    private sealed class RunningService(WebApplication app) : IAsyncDisposable
    {
        public Uri Address { get; } = new(app.Urls.Single());

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync().WithTimeout();
            await app.DisposeAsync();
        }
    }
}
