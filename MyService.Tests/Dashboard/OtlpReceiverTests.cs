using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using MyService.Hosting.Otlp.Common;
using MyService.Hosting.Otlp.Trace;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MyService.Tests.Dashboard;

public sealed class OtlpReceiverTests
{
    [Fact]
    public async Task Real_otlp_exports_of_traces_logs_and_metrics_arrive_and_are_queryable()
    {
        await using var collector = await CollectorApp.StartAsync();
        var resource = ResourceBuilder.CreateEmpty().AddService("sdk-test");
        using var source = new ActivitySource("receiver-test");
        using var meter = new Meter("receiver-test");
        var counter = meter.CreateCounter<long>("orders.placed");

        using (var tracing = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource).AddSource("receiver-test")
            .AddOtlpExporter(o => Configure(o, collector, "traces")).Build())
        using (var metrics = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource).AddMeter("receiver-test")
            .AddOtlpExporter(o => Configure(o, collector, "metrics")).Build())
        using (var logging = LoggerFactory.Create(b => b.AddOpenTelemetry(o =>
            {
                o.SetResourceBuilder(resource);
                o.IncludeFormattedMessage = true;
                o.AddOtlpExporter(e => Configure(e, collector, "logs"));
            })))
        {
            using (var parent = source.StartActivity("checkout"))
            {
                using var child = source.StartActivity("charge-card");
                child?.SetTag("card.brand", "visa");
                child?.SetStatus(ActivityStatusCode.Error, "declined");
                logging.CreateLogger("Checkout").LogWarning("Card declined for order {OrderId}", 42);
            }

            counter.Add(3, new KeyValuePair<string, object?>("region", "eu"));
            Assert.True(tracing.ForceFlush(10_000));
            Assert.True(metrics.ForceFlush(10_000));
        }

        await collector.EventuallyAsync(s => s.Spans("sdk-test").Count == 2 && s.Logs("sdk-test").Count == 1 && s.Instruments("sdk-test").Count == 1, "the exported telemetry");
        var spans = collector.Store.Spans("sdk-test");
        var chargeSpan = Assert.Single(spans, s => s.Name == "charge-card");
        var parentSpan = Assert.Single(spans, s => s.Name == "checkout");
        Assert.Equal(parentSpan.SpanId, chargeSpan.ParentSpanId);
        Assert.True(chargeSpan.IsError);
        Assert.Contains(KeyValuePair.Create("card.brand", "visa"), chargeSpan.Attributes);
        var trace = Assert.Single(collector.Store.Traces("sdk-test"));
        Assert.Equal(2, trace.SpanCount);
        Assert.Equal(1, trace.ErrorCount);
        var log = Assert.Single(collector.Store.Logs("sdk-test"));
        Assert.Equal("Warning", log.Level);
        Assert.Equal("Card declined for order 42", log.Message);
        Assert.Equal(chargeSpan.TraceId, log.TraceId);
        var instrument = Assert.Single(collector.Store.Instruments("sdk-test"));
        Assert.Equal("orders.placed", instrument.Name);
        Assert.Equal(3, Assert.Single(instrument.Series).Points[^1].Value);
    }

    [Fact]
    public async Task Without_the_key_it_is_401_with_garbage_400_as_json_415_and_nothing_is_stored()
    {
        await using var collector = await CollectorApp.StartAsync();
        using var client = new HttpClient { BaseAddress = collector.Endpoint, Timeout = TestTimeouts.Default };

        using var noKey = await client.SendAsync(Post("/v1/traces", [1, 2, 3], key: null));
        using var wrongKey = await client.SendAsync(Post("/v1/traces", [], key: "nope"));
        using var garbage = await client.SendAsync(Post("/v1/traces", [0xFF, 0xFF, 0xFF, 0x01, 0x02], CollectorApp.ApiKey));
        using var json = await client.SendAsync(Post("/v1/logs", "{}"u8.ToArray(), CollectorApp.ApiKey, "application/json"));
        using var valid = await client.SendAsync(Post("/v1/traces", Spans("after-garbage", 1).ToByteArray(), CollectorApp.ApiKey));

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal(["after-garbage"], collector.Store.Resources);
    }

    [Fact]
    public async Task Under_a_flood_the_stores_keep_only_the_newest_up_to_their_limits()
    {
        await using var collector = await CollectorApp.StartAsync(("Dashboard:Telemetry:MaxSpansPerResource", "100"));
        using var client = new HttpClient { BaseAddress = collector.Endpoint, Timeout = TestTimeouts.Default };

        for (var batch = 0; batch < 20; batch++)
        {
            using var response = await client.SendAsync(Post("/v1/traces", Spans("flood", 50, batch).ToByteArray(), CollectorApp.ApiKey));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var spans = collector.Store.Spans("flood");
        Assert.Equal(100, spans.Count);
        // The newest 100 are the last two batches of 50.
        Assert.All(spans, s => Assert.True(s.Name.StartsWith("batch 18 ", StringComparison.Ordinal) || s.Name.StartsWith("batch 19 ", StringComparison.Ordinal), s.Name));
    }

    [Fact]
    public async Task Accepted_payloads_are_forwarded_upstream_and_a_dead_upstream_never_blocks_ingest()
    {
        await using var upstream = await ServiceDefaults.OtlpSink.StartAsync();
        await using var collector = await CollectorApp.StartAsync(
            ("Collector:Upstream:Endpoint", upstream.Endpoint.ToString()), ("Collector:Upstream:Headers", "x-otlp-api-key=upstream-key"));
        using var client = new HttpClient { BaseAddress = collector.Endpoint, Timeout = TestTimeouts.Default };

        using var response = await client.SendAsync(Post("/v1/traces", Spans("forwarded", 1).ToByteArray(), CollectorApp.ApiKey));
        var forwarded = await upstream.WaitForAsync("/v1/traces", "forwarded");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("upstream-key", forwarded.ApiKey);

        await using var deadUpstream = await CollectorApp.StartAsync(("Collector:Upstream:Endpoint", "http://127.0.0.1:9"));
        using var deadClient = new HttpClient { BaseAddress = deadUpstream.Endpoint, Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < 20; i++)
        {
            using var accepted = await deadClient.SendAsync(Post("/v1/traces", Spans("still-ingesting", 1, i).ToByteArray(), CollectorApp.ApiKey));
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }
    }

    private static void Configure(OtlpExporterOptions options, CollectorApp collector, string signal)
    {
        options.Endpoint = new Uri(collector.Endpoint, $"/v1/{signal}");
        options.Protocol = OtlpExportProtocol.HttpProtobuf;
        options.Headers = $"x-otlp-api-key={CollectorApp.ApiKey}";
    }

    private static HttpRequestMessage Post(string path, byte[] body, string? key, string contentType = "application/x-protobuf")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (key is not null)
        {
            request.Headers.Add("x-otlp-api-key", key);
        }

        return request;
    }

    private static ExportTraceServiceRequest Spans(string service, int count, int batch = 0)
    {
        var scope = new ScopeSpans();
        for (var i = 0; i < count; i++)
        {
            scope.Spans.Add(new Span
            {
                TraceId = ByteString.CopyFrom(Guid.NewGuid().ToByteArray()),
                SpanId = ByteString.CopyFrom(BitConverter.GetBytes((long)(batch * 1000 + i + 1))),
                Name = $"batch {batch} span {i}",
                StartTimeUnixNano = 1_700_000_000_000_000_000,
                EndTimeUnixNano = 1_700_000_000_100_000_000,
            });
        }

        var resource = new MyService.Hosting.Otlp.Common.Resource();
        resource.Attributes.Add(new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = service } });
        var spans = new ResourceSpans { Resource = resource };
        spans.ScopeSpans.Add(scope);
        var request = new ExportTraceServiceRequest();
        request.ResourceSpans.Add(spans);
        return request;
    }
}
