using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using MyService.Tests.Api;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace MyService.Tests.ServiceDefaults;

/// <summary>The server spans OpenTelemetry.Instrumentation.AspNetCore makes, as ServiceDefaults configures it.</summary>
[Collection(ProcessWideTelemetryCollection.Name)]
public sealed class ServerSpanTests
{
    [Fact]
    public async Task Health_and_alive_requests_produce_no_span()
    {
        using var collector = new SpanCollector();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(collector));
        await using var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGet("/marker", () => "ok");
        await app.StartAsync().WithTimeout();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = TestTimeouts.Default };

        // The test's own client spans are suppressed: only what the service itself records is looked at.
        using (SuppressInstrumentationScope.Begin())
        {
            (await client.GetAsync("/health").WithTimeout()).EnsureSuccessStatusCode();
            (await client.GetAsync("/alive").WithTimeout()).EnsureSuccessStatusCode();
            (await client.GetAsync("/marker").WithTimeout()).EnsureSuccessStatusCode();
        }

        // Kestrel ends a request's span before it reads the next request of the connection: the probes are done.
        await collector.WaitForAsync(s => s.DisplayName == "GET /marker");
        Assert.DoesNotContain(collector.Spans, s => Path(s) is "/health" or "/alive");
        Assert.Single(collector.Spans, s => s.Kind == ActivityKind.Server);
        await app.StopAsync().WithTimeout();
    }

    [Fact]
    public async Task A_request_to_the_api_produces_one_server_span_named_after_its_route()
    {
        using var api = new TracedApi();
        var (client, collector) = (api.Client, api.Spans);

        var created = await SendAsync(client, collector, HttpMethod.Post, "/users", JsonContent.Create(new { email = "span@example.com", name = "Span" }));
        var id = (await created.Response.ReadJsonAsync().WithTimeout()).GetProperty("id").GetInt64();
        var one = await SendAsync(client, collector, HttpMethod.Get, $"/users/{id}");
        var list = await SendAsync(client, collector, HttpMethod.Get, "/users?limit=5");
        var root = await SendAsync(client, collector, HttpMethod.Get, "/");

        Assert.Equal("POST /users", created.Span.DisplayName);
        Assert.Equal("GET /users/{id}", one.Span.DisplayName);
        Assert.Equal("GET /users", list.Span.DisplayName);
        Assert.Equal("GET /", root.Span.DisplayName);
        Assert.Equal("/users/{id}", one.Span.GetTagItem("http.route"));
        foreach (var request in new[] { created, one, list, root })
        {
            Assert.Single(collector.Spans, s => s.Kind == ActivityKind.Server && s.TraceId == request.Span.TraceId);
            request.Response.Dispose();
        }
    }

    /// <summary>Sends a request in a trace of its own (a traceparent header) and waits for its server span.</summary>
    internal static async Task<(HttpResponseMessage Response, Activity Span)> SendAsync(
        HttpClient client, SpanCollector collector, HttpMethod method, string path, HttpContent? content = null)
    {
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        var response = await client.SendAsync(request).WithTimeout();
        response.EnsureSuccessStatusCode();
        var span = await collector.WaitForAsync(s => s.Kind == ActivityKind.Server && s.TraceId == traceId);
        return (response, span);
    }

    private static string? Path(Activity span) => span.GetTagItem("url.path") as string;
}
