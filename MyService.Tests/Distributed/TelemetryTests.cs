using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using MyService.Tests.Api;

namespace MyService.Tests.Distributed;

/// <summary>The services' telemetry through the collector resource: what it forwarded is what the dashboard gets too.</summary>
[Collection(AppHostCollection.Name)]
public sealed class TelemetryTests(AppHostFixture fixture)
{
    private DistributedApplication App => fixture.App;

    [Fact]
    public async Task One_trace_shows_the_request_its_commit_the_worker_and_dynamodb_and_idle_polls_are_not_traced()
    {
        using var client = App.CreateHttpClient("api");
        client.Timeout = TestTimeouts.Default;
        var id = (await client.CreateUserAsync($"t{Guid.NewGuid():N}@example.com", "Traced").WithTimeout()).GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);

        IReadOnlyList<ForwardedSpan> trace = [];
        await ProjectionReader.EventuallyAsync(() =>
        {
            var spans = ForwardedSpan.From(fixture.Upstream);
            var projected = spans.FirstOrDefault(s => s.Name == "project user" && s.Attributes.GetValueOrDefault("myservice.entity.id") == id);
            trace = projected is null ? [] : [.. spans.Where(s => s.TraceId == projected.TraceId)];
            return Task.FromResult(trace.Any(s => s.Name == "POST /users") && trace.Any(s => s.Service == "worker" && s.Name.StartsWith("DynamoDB", StringComparison.Ordinal)));
        }, TimeSpan.FromSeconds(30), $"the trace of user {id} with the api's and the worker's spans, forwarded by the collector");

        // The waterfall reads request -> commit -> worker -> DynamoDB.
        // The request's server span is the root of what the services traced. The test's own HttpClient may have sent
        // a traceparent (when another test in this process listens to System.Net.Http), so its parent, if any, is
        // none of the services' spans.
        var request = Assert.Single(trace, s => s.Service == "api" && s.Name == "POST /users" && s.Kind == "Server");
        Assert.DoesNotContain(trace, s => s.SpanId == request.ParentSpanId);
        var commit = Assert.Single(trace, s => s.Service == "api" && s.Name == "INSERT users" && s.Kind == "Client");
        Assert.Equal(request.SpanId, commit.ParentSpanId);
        Assert.Equal("sqlite", commit.Attributes.GetValueOrDefault("db.system.name"));
        Assert.NotNull(commit.Attributes.GetValueOrDefault("myservice.sqlite.batch.id"));
        var projected = Assert.Single(trace, s => s.Service == "worker" && s.Name == "project user" && s.Kind == "Consumer");
        Assert.Equal(commit.SpanId, projected.ParentSpanId);
        Assert.Contains(trace, s => s.Service == "worker" && s.Name.StartsWith("DynamoDB", StringComparison.Ordinal) && s.ParentSpanId == projected.SpanId);
        var spans = ForwardedSpan.From(fixture.Upstream);
        // The worker has polled the empty feed since it started; none of those reads is a trace, on either side.
        Assert.DoesNotContain(spans, s => s.Service == "api" && s.Name == "GET /events" && s.Attributes.GetValueOrDefault("myservice.feed.events") == "0");
        Assert.DoesNotContain(spans, s => s.Service == "worker" && s.Attributes.GetValueOrDefault("url.full")?.Contains("/events", StringComparison.Ordinal) == true);
        // Nor are the probes of /health (the AppHost's health checks poll it every few seconds).
        Assert.DoesNotContain(spans, s => s.Attributes.GetValueOrDefault("url.path") is "/health" or "/alive");
    }

    [Fact]
    public async Task The_api_and_the_worker_send_logs_and_metrics_through_the_collector_under_their_names()
    {
        string[] services = ["api", "worker"];
        await ProjectionReader.EventuallyAsync(
            () => Task.FromResult(services.All(ForwardedServices.WithLogs(fixture.Upstream).Contains) && services.All(ForwardedServices.WithMetrics(fixture.Upstream).Contains)),
            TimeSpan.FromSeconds(30), "logs and metrics of the api and the worker, forwarded by the collector");

        var collector = await App.WaitForAsync("otel-collector", e => e.Snapshot.Properties.Any(p => p.Name == "otlp.forwarded" && Convert.ToInt64(p.Value, CultureInfo.InvariantCulture) > 0));
        Assert.True(AppResources.IsUp(collector));
    }
}
