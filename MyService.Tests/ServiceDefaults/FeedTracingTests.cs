extern alias Worker;

using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MyService.Tests.Api;
using OpenTelemetry.Trace;
using Worker::MyService.Worker.Extensions;
using Worker::MyService.Worker.Feed;

namespace MyService.Tests.ServiceDefaults;

/// <summary>Idle change-feed polls stay out of the traces on both sides, on the real instrumentation.</summary>
[Collection(ProcessWideTelemetryCollection.Name)]
public sealed class FeedTracingTests
{
    [Fact]
    public async Task The_api_drops_the_span_of_an_empty_feed_read_and_tags_a_read_that_found_events()
    {
        using var api = new TracedApi();
        var (client, collector) = (api.Client, api.Spans);
        using (await client.PostUserAsync("feed-span@example.com").WithTimeout())
        {
        }

        var found = await ServerSpanTests.SendAsync(client, collector, HttpMethod.Get, "/events?after=0");
        var emptyTrace = ActivityTraceId.CreateRandom();
        using var empty = new HttpRequestMessage(HttpMethod.Get, "/events?after=999999");
        empty.Headers.Add("traceparent", $"00-{emptyTrace}-{ActivitySpanId.CreateRandom()}-01");
        (await client.SendAsync(empty).WithTimeout()).EnsureSuccessStatusCode();
        var marker = await ServerSpanTests.SendAsync(client, collector, HttpMethod.Get, "/");

        Assert.Equal("GET /events", found.Span.DisplayName);
        Assert.Equal(1, found.Span.GetTagItem("myservice.feed.events"));
        Assert.DoesNotContain(collector.Spans, s => s.TraceId == emptyTrace);
        found.Response.Dispose();
        marker.Response.Dispose();
    }

    [Fact]
    public async Task The_worker_feed_read_makes_no_client_span_while_other_calls_are_traced()
    {
        using var collector = new SpanCollector();
        await using var feedServer = await LoopbackServer.StartAsync(ctx => ctx.Response.WriteAsync("""{"events":[],"lastSequence":0}"""));
        using var host = ServiceDefaultsHost.Build(
            worker =>
            {
                worker.AddProjectionWorker();
                worker.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(collector));
            },
            ("services:api:http:0", feedServer.BaseAddress.ToString().TrimEnd('/')));
        // The host is not started (its loop would need DynamoDB); resolving the provider is what starting would do.
        _ = host.Services.GetRequiredService<TracerProvider>();

        var page = await host.Services.GetRequiredService<IChangeFeedSource>().ReadAsync(0, 10, 0, CancellationToken.None).WithTimeout();
        using (await host.CreateClient().GetAsync(new Uri("http://api/marker")).WithTimeout())
        {
        }

        Assert.Empty(page.Events);
        await collector.WaitForAsync(s => s.Kind == ActivityKind.Client && Url(s).EndsWith("/marker", StringComparison.Ordinal));
        Assert.DoesNotContain(collector.Spans, s => s.Kind == ActivityKind.Client && Url(s).Contains("/events", StringComparison.Ordinal));
    }

    private static string Url(Activity span) => span.GetTagItem("url.full") as string ?? "";
}
