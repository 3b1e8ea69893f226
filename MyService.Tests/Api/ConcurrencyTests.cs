using System.Net;

namespace MyService.Tests.Api;

public sealed class ConcurrencyTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task Hundred_parallel_creates_all_succeed_with_one_event_each()
    {
        var emails = Enumerable.Range(0, 100).Select(i => $"par{i}-{Guid.NewGuid():N}@example.com").ToList();

        var responses = await Task.WhenAll(emails.Select(async email =>
        {
            using var response = await _client.PostUserAsync(email);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(responses, r => Assert.True(r.StatusCode == HttpStatusCode.Created, r.Body));
        var listed = new List<string>();
        using (var page = await _client.GetAsync("/users?limit=1000"))
        {
            listed.AddRange((await page.ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(u => u.GetProperty("email").GetString()!));
        }

        Assert.Empty(emails.Except(listed));
        using var feed = await _client.GetAsync("/events?limit=1000");
        var events = (await feed.ReadJsonAsync()).GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("entityType").GetString() == "user").ToList();
        var ours = events.Where(e => emails.Contains(e.GetProperty("payload").GetProperty("email").GetString()!)).ToList();
        Assert.Equal(100, ours.Count(e => e.GetProperty("operation").GetString() == "created"));
        var sequences = events.Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.Distinct().Order(), sequences);
    }

    [Fact]
    public async Task Parallel_creates_with_one_email_yield_one_201_and_409s()
    {
        var email = $"same-{Guid.NewGuid():N}@example.com";

        var statuses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var response = await _client.PostUserAsync(email);
            return response.StatusCode;
        }));

        Assert.Single(statuses, s => s == HttpStatusCode.Created);
        Assert.Equal(19, statuses.Count(s => s == HttpStatusCode.Conflict));
    }
}
