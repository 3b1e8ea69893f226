using System.Net;
using System.Text.Json;

namespace MyService.Tests.Api;

/// <summary>Own factory: the assertions count every row in the table.</summary>
public sealed class PaginationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task Cursor_pages_cover_every_item_once_in_order()
    {
        var created = new List<long>();
        for (var i = 0; i < 25; i++)
        {
            using var response = await _client.PostAsync("/items", JsonContent($$"""{"name":"item {{i}}"}"""));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            created.Add((await response.ReadJsonAsync()).GetProperty("id").GetInt64());
        }

        var seen = new List<long>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await GetPageAsync(cursor is null ? "/items?limit=10" : $"/items?limit=10&cursor={cursor}");
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 100);

        Assert.Equal((seen.Count + 9) / 10, pages);
        Assert.Empty(created.Except(seen));
        Assert.Equal(seen.Order(), seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task Default_limit_is_100_and_the_last_page_has_no_cursor()
    {
        for (var i = 0; i < 3; i++)
        {
            using var created = await _client.PostAsync("/items", JsonContent("""{"name":"x"}"""));
        }

        var page = await GetPageAsync("/items");

        Assert.InRange(page.GetProperty("items").GetArrayLength(), 3, 100);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
    }

    private async Task<JsonElement> GetPageAsync(string path)
    {
        using var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
