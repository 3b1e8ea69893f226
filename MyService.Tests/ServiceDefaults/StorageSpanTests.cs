using System.Diagnostics;
using System.Net.Http.Json;
using MyService.Tests.Api;

namespace MyService.Tests.ServiceDefaults;

/// <summary>A request's storage work as client spans in its trace, and the change event naming the commit's span.</summary>
[Collection(ProcessWideTelemetryCollection.Name)]
public sealed class StorageSpanTests
{
    [Fact]
    public async Task A_write_shows_its_statement_and_group_commit_under_the_request_and_its_event_continues_from_there()
    {
        using var api = new TracedApi();
        var email = $"{Guid.NewGuid():N}@example.com";

        var (created, server) = await ServerSpanTests.SendAsync(
            api.Client, api.Spans, HttpMethod.Post, "/users", JsonContent.Create(new { email, name = "Traced" }));
        var insert = await api.Spans.WaitForAsync(s => s.TraceId == server.TraceId && s.DisplayName == "INSERT users");
        using var feed = await api.Client.GetAsync("/events?after=0&limit=1000").WithTimeout();
        var events = (await feed.ReadJsonAsync()).GetProperty("events").EnumerateArray();
        var traceParent = events.Single(e => e.GetProperty("payload").GetProperty("email").GetString() == email).GetProperty("traceParent").GetString();

        Assert.Equal(ActivityKind.Client, insert.Kind);
        Assert.Equal(server.SpanId, insert.ParentSpanId);
        Assert.Equal("sqlite", insert.GetTagItem("db.system.name"));
        Assert.Equal("INSERT", insert.GetTagItem("db.operation.name"));
        Assert.Equal("users", insert.GetTagItem("db.collection.name"));
        Assert.True(insert.GetTagItem("myservice.sqlite.batch.size") is int size && size >= 1);
        Assert.IsType<long>(insert.GetTagItem("myservice.sqlite.batch.id"));
        Assert.Equal($"00-{insert.TraceId}-{insert.SpanId}-01", traceParent);
        created.Dispose();
    }

    [Fact]
    public async Task A_read_shows_its_select()
    {
        using var api = new TracedApi();
        var user = await api.Client.CreateUserAsync($"{Guid.NewGuid():N}@example.com");

        var (read, server) = await ServerSpanTests.SendAsync(api.Client, api.Spans, HttpMethod.Get, $"/users/{user.GetProperty("id").GetInt64()}");
        var select = await api.Spans.WaitForAsync(s => s.TraceId == server.TraceId && s.DisplayName == "SELECT users");

        Assert.Equal(ActivityKind.Client, select.Kind);
        Assert.Equal(server.SpanId, select.ParentSpanId);
        Assert.Equal("sqlite", select.GetTagItem("db.system.name"));
        read.Dispose();
    }
}
