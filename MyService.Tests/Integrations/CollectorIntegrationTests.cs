using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using MyService.Hosting.OpenTelemetry;
using MyService.Hosting.OpenTelemetry.Collector;
using MyService.Hosting.Otlp.Trace;
using MyService.Tests.ServiceDefaults;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Trace;

namespace MyService.Tests.Integrations;

/// <summary>
/// <c>AddOpenTelemetryCollector</c> through the real Aspire model: a real SDK export through it to an upstream, what
/// it refuses, a hanging upstream, its counts on the resource, and what <c>WithAppForwarding</c> tells the services.
/// </summary>
[Collection(IntegrationApp.SecondCollection)]
public sealed class CollectorIntegrationTests
{
    [Fact]
    public async Task AnSdkExportWithTheKey_ReachesTheUpstreamWithItsHeaders_AndIsCountedOnTheResource()
    {
        await using var upstream = await OtlpSink.StartAsync();
        await using var app = IntegrationApp.Create(
            $"--Collector:Upstream:Endpoint={upstream.Endpoint}", $"--Collector:Upstream:Headers={OpenTelemetryCollectorResource.ApiKeyHeader}=upstream-key");
        var collector = app.Builder.AddOpenTelemetryCollector("otel").Resource;
        await app.StartAsync();
        await app.WaitForHealthyAsync("otel");
        var endpoint = await collector.Endpoint.WithTimeout();

        var sourceName = $"MyService.Tests.Collector.{Guid.NewGuid():N}";
        var spanName = $"through-the-collector-{Guid.NewGuid():N}";
        using (var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(sourceName)
            .AddOtlpExporter(o =>
            {
                o.Endpoint = new Uri(endpoint, "v1/traces");
                o.Protocol = OtlpExportProtocol.HttpProtobuf;
                o.Headers = $"{OpenTelemetryCollectorResource.ApiKeyHeader}={collector.ApiKey}";
                o.ExportProcessorType = ExportProcessorType.Simple;
            })
            .Build())
        {
            using var source = new ActivitySource(sourceName);
            source.StartActivity(spanName)?.Dispose();
            Assert.True(tracing.ForceFlush(10_000), "the SDK could not flush to the collector");
        }

        var export = await upstream.WaitForAsync("/v1/traces", spanName);
        Assert.Equal("upstream-key", export.ApiKey);
        Assert.Equal("application/x-protobuf", export.ContentType);
        await app.WaitForAsync("otel", e => IntegrationApp.NumberProperty(e, "otlp.received") >= 1 && IntegrationApp.NumberProperty(e, "otlp.forwarded") >= 1, "counting the export");
        Assert.Equal(0, IntegrationApp.NumberProperty(await app.CurrentAsync("otel"), "otlp.dropped"));
    }

    [Fact]
    public async Task WhatIsNotAKeyedOtlpProtobufExport_IsRefusedWithA4xx_AndCounted()
    {
        await using var app = IntegrationApp.Create();
        var collector = app.Builder.AddOpenTelemetryCollector("otel").Resource;
        await app.StartAsync();
        await app.WaitForHealthyAsync("otel");
        var traces = new Uri(await collector.Endpoint.WithTimeout(), "v1/traces");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        async Task<HttpStatusCode> PostAsync(string? key, string contentType, byte[] body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, traces) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            // The server answers a body too large before reading it; without 100-continue the client would still be
            // writing it, and see a broken pipe instead of the answer.
            request.Headers.ExpectContinue = body.Length > OtlpReceiver.MaxBodyBytes;
            if (key is not null)
            {
                request.Headers.Add(OpenTelemetryCollectorResource.ApiKeyHeader, key);
            }

            using var response = await http.SendAsync(request).WithTimeout();
            return response.StatusCode;
        }

        var valid = TracePayload("refusals");
        Assert.Equal(HttpStatusCode.OK, await PostAsync(collector.ApiKey, "application/x-protobuf", valid));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(null, "application/x-protobuf", valid));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("not-the-key", "application/x-protobuf", valid));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(collector.ApiKey, "application/x-protobuf", [0xFF, 0xFF, 0xFF, 0xFF]));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, await PostAsync(collector.ApiKey, "application/json", "{\"resourceSpans\":[]}"u8.ToArray()));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await PostAsync(collector.ApiKey, "application/x-protobuf", new byte[OtlpReceiver.MaxBodyBytes + 1]));

        await app.WaitForAsync("otel", e => IntegrationApp.NumberProperty(e, "otlp.rejected") >= 5 && IntegrationApp.NumberProperty(e, "otlp.received") >= 1, "counting");
    }

    [Fact]
    public async Task AHangingUpstream_NeverSlowsIngest_AndTheDroppedCountGrows()
    {
        await using var upstream = await HangingUpstream.StartAsync();
        await using var app = IntegrationApp.Create($"--Collector:Upstream:Endpoint={upstream.Endpoint}");
        var collector = app.Builder.AddOpenTelemetryCollector("otel").Resource;
        await app.StartAsync();
        await app.WaitForHealthyAsync("otel");
        var traces = new Uri(await collector.Endpoint.WithTimeout(), "v1/traces");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var body = TracePayload("hanging upstream");

        // More than the forwarder's queue holds, while the upstream holds its one request (10 s per attempt).
        const int Exports = OtlpForwarder.QueueCapacity + 200;
        var slowest = TimeSpan.Zero;
        for (var i = 0; i < Exports; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var request = new HttpRequestMessage(HttpMethod.Post, traces) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
            request.Headers.Add(OpenTelemetryCollectorResource.ApiKeyHeader, collector.ApiKey);
            using var response = await http.SendAsync(request).WithTimeout();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var elapsed = Stopwatch.GetElapsedTime(started);
            slowest = elapsed > slowest ? elapsed : slowest;
        }

        Assert.True(slowest < TimeSpan.FromSeconds(5), $"the slowest export took {slowest.TotalSeconds:0.0} s");
        Assert.True(upstream.Waiting >= 1, "the upstream never got a request");
        // The oldest are dropped to make room: all but the queue's capacity and the one in flight.
        await app.WaitForAsync("otel", e => IntegrationApp.NumberProperty(e, "otlp.dropped") >= Exports - OtlpForwarder.QueueCapacity - 1, "counting the drops");
        Assert.Equal(Exports, IntegrationApp.NumberProperty(await app.CurrentAsync("otel"), "otlp.received"));
    }

    [Fact]
    public async Task WithTheDashboard_AnExportIsForwardedToIt_WithTheEndpointAndKeyAspireGivesItsExporters()
    {
        // The dashboard takes OTLP/HTTP only where it is told to listen for it (the AppHost's launch profile does so);
        // a port the OS picks, which the tests' random ports replace anyway.
        int port;
        using (var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        await using var app = IntegrationApp.CreateWithDashboard($"--ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL=http://localhost:{port}");
        var collector = app.Builder.AddOpenTelemetryCollector("otel").Resource;
        await app.StartAsync();
        await app.WaitForHealthyAsync("otel");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(await collector.Endpoint.WithTimeout(), "v1/traces")) { Content = new ByteArrayContent(TracePayload("to the dashboard")) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        request.Headers.Add(OpenTelemetryCollectorResource.ApiKeyHeader, collector.ApiKey);
        using var response = await http.SendAsync(request).WithTimeout();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // Accepted by the dashboard: to a wrong endpoint or with a wrong key it would be dropped after the retries.
        var done = await app.WaitForAsync("otel", e => IntegrationApp.NumberProperty(e, "otlp.forwarded") + IntegrationApp.NumberProperty(e, "otlp.dropped") >= 1, "done with the export");
        Assert.Equal(0, IntegrationApp.NumberProperty(done, "otlp.dropped"));
        Assert.Equal(1, IntegrationApp.NumberProperty(done, "otlp.forwarded"));
    }

    [Fact]
    public async Task WithAppForwarding_PointsAnOtlpExportingProcessAtTheCollector_WithItsKey()
    {
        await using var app = IntegrationApp.Create();
        var collector = app.Builder.AddOpenTelemetryCollector("otel").WithAppForwarding().Resource;
        app.AddProcess("exporting").WithOtlpExporter();
        app.AddProcess("quiet");
        await app.StartAsync();

        var exporting = IntegrationApp.EnvironmentOf(IntegrationApp.Pid(await app.WaitForStateAsync("exporting", KnownResourceStates.Running)) ?? throw new InvalidOperationException("no pid"));
        var quiet = IntegrationApp.EnvironmentOf(IntegrationApp.Pid(await app.WaitForStateAsync("quiet", KnownResourceStates.Running)) ?? throw new InvalidOperationException("no pid"));

        Assert.Equal((await collector.Endpoint.WithTimeout()).ToString().TrimEnd('/'), exporting["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("http/protobuf", exporting["OTEL_EXPORTER_OTLP_PROTOCOL"]);
        Assert.Equal($"{OpenTelemetryCollectorResource.ApiKeyHeader}={collector.ApiKey}", exporting["OTEL_EXPORTER_OTLP_HEADERS"]);
        Assert.False(quiet.ContainsKey("OTEL_EXPORTER_OTLP_ENDPOINT"), "a process without WithOtlpExporter is left alone");
    }

    /// <summary>An OTLP traces export with one span, as the SDK would send it.</summary>
    private static byte[] TracePayload(string spanName) => new ExportTraceServiceRequest
    {
        ResourceSpans =
        {
            new ResourceSpans
            {
                ScopeSpans =
                {
                    new ScopeSpans
                    {
                        Spans = { new Span { Name = spanName, TraceId = ByteString.CopyFrom(new byte[16] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 }), SpanId = ByteString.CopyFrom(new byte[8] { 1, 2, 3, 4, 5, 6, 7, 8 }) } },
                    },
                },
            },
        },
    }.ToByteArray();

    /// <summary>An upstream that accepts each request and never answers (until disposed).</summary>
    private sealed class HangingUpstream : IAsyncDisposable
    {
        private readonly CancellationTokenSource _release = new();
        private LoopbackServer? _server;
        private int _waiting;

        public Uri Endpoint => _server!.BaseAddress;

        public int Waiting => Volatile.Read(ref _waiting);

        public static async Task<HangingUpstream> StartAsync()
        {
            var upstream = new HangingUpstream();
            upstream._server = await LoopbackServer.StartAsync(upstream.HangAsync);
            return upstream;
        }

        private async Task HangAsync(HttpContext context)
        {
            Interlocked.Increment(ref _waiting);
            using var hang = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _release.Token);
            try
            {
                await Task.Delay(Timeout.Infinite, hang.Token);
            }
            catch (OperationCanceledException) when (hang.IsCancellationRequested)
            {
                // Released: the test is over, or the collector gave up on the request.
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _release.CancelAsync();
            if (_server is not null)
            {
                await _server.DisposeAsync();
            }

            _release.Dispose();
        }
    }
}
