using System.Net;
using System.Net.Http.Json;

namespace MyService.Tests.Api;

public sealed class ItemsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task Items_support_the_full_lifecycle()
    {
        using var created = await _client.PostAsJsonAsync("/items", new { name = "Lamp", description = "Brass" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var item = await created.ReadJsonAsync();
        var path = created.Headers.Location!.OriginalString;
        Assert.Equal($"/items/{item.GetProperty("id")}", path);
        Assert.Equal("Brass", item.GetProperty("description").GetString());

        using var updated = await _client.PutAsJsonAsync(path, new { name = "Lamp", description = "Copper" });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(2, (await updated.ReadJsonAsync()).GetProperty("version").GetInt64());

        using var fetched = await _client.GetAsync(path);
        Assert.Equal("Copper", (await fetched.ReadJsonAsync()).GetProperty("description").GetString());

        using var deleted = await _client.DeleteAsync(path);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Description_is_optional_and_stored_empty()
    {
        using var created = await _client.PostAsJsonAsync("/items", new { name = "Chair" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("", (await created.ReadJsonAsync()).GetProperty("description").GetString());
    }

    [Fact]
    public async Task Delete_with_a_stale_if_match_is_412_and_keeps_the_item()
    {
        using var created = await _client.PostAsJsonAsync("/items", new { name = "Desk" });
        var path = created.Headers.Location!.OriginalString;

        using var request = new HttpRequestMessage(HttpMethod.Delete, path);
        request.Headers.TryAddWithoutValidation("If-Match", "\"5\"");
        using var refused = await _client.SendAsync(request);
        using var still = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }
}
