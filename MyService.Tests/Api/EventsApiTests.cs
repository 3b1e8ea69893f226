using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MyService.Tests.Api;

/// <summary>Own factory so the feed holds only what these tests wrote, in order.</summary>
public sealed class EventsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task Every_write_appends_an_event_with_version_payload_and_traceparent()
    {
        var start = await LastSequenceAsync();
        var traceId = ActivityTraceId.CreateRandom();
        var traceparent = $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01";

        using var create = new HttpRequestMessage(HttpMethod.Post, "/users") { Content = JsonContent.Create(new { email = $"{Guid.NewGuid():N}@example.com", name = "Ev" }) };
        create.Headers.Add("traceparent", traceparent);
        using var created = await _client.SendAsync(create);
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetInt64();
        using var updated = await _client.PutAsJsonAsync($"/users/{id}", new { email = $"{Guid.NewGuid():N}@example.com", name = "Ev2" });
        using var deleted = await _client.DeleteAsync($"/users/{id}");

        var events = await ReadAsync($"/events?after={start}");
        Assert.Equal(["created", "updated", "deleted"], events.Select(e => e.GetProperty("operation").GetString()));
        Assert.All(events, e => Assert.Equal("user", e.GetProperty("entityType").GetString()));
        Assert.All(events, e => Assert.Equal(id, e.GetProperty("entityId").GetInt64()));
        Assert.Equal([1L, 2L, 3L], events.Select(e => e.GetProperty("version").GetInt64()));
        Assert.Equal("Ev2", events[1].GetProperty("payload").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, events[2].GetProperty("payload").ValueKind);
        Assert.Contains(traceId.ToString(), events[0].GetProperty("traceParent").GetString(), StringComparison.Ordinal);
        var sequences = events.Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.Order(), sequences);
    }

    [Fact]
    public async Task After_and_limit_page_through_the_feed()
    {
        var start = await LastSequenceAsync();
        for (var i = 0; i < 5; i++)
        {
            using var created = await _client.PostAsJsonAsync("/items", new { name = $"feed {i}" });
        }

        var first = await ReadAsync($"/events?after={start}&limit=2");
        var rest = await ReadAsync($"/events?after={first[^1].GetProperty("sequence").GetInt64()}&limit=100");

        Assert.Equal(2, first.Count);
        Assert.True(rest.Count >= 3);
        Assert.True(rest[0].GetProperty("sequence").GetInt64() > first[1].GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task Reading_past_the_end_is_empty_and_keeps_the_position()
    {
        using var response = await _client.GetAsync("/events?after=999999");
        var page = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, page.GetProperty("events").GetArrayLength());
        Assert.Equal(999999, page.GetProperty("lastSequence").GetInt64());
    }

    private async Task<long> LastSequenceAsync()
    {
        var all = await ReadAsync("/events?limit=1000");
        return all.Count == 0 ? 0 : all[^1].GetProperty("sequence").GetInt64();
    }

    private async Task<List<JsonElement>> ReadAsync(string path)
    {
        using var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("events").EnumerateArray().ToList();
    }
}
