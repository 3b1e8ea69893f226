using System.Net;
using System.Net.Http.Json;

namespace MyService.Tests.Api;

public sealed class UsersApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    private static string NewEmail() => $"u{Guid.NewGuid():N}@example.com";

    [Fact]
    public async Task Create_returns_201_with_location_etag_and_the_user()
    {
        var email = NewEmail();
        using var response = await _client.PostUserAsync(email, "  Ann  ");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var user = await response.ReadJsonAsync();
        var id = user.GetProperty("id").GetInt64();
        Assert.Equal($"/users/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal(email, user.GetProperty("email").GetString());
        Assert.Equal("Ann", user.GetProperty("name").GetString());
        Assert.Equal(1, user.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Get_returns_the_user_with_its_version_as_etag()
    {
        var created = await _client.CreateUserAsync(NewEmail());
        using var response = await _client.GetAsync($"/users/{created.GetProperty("id")}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal(created.GetProperty("email").GetString(), (await response.ReadJsonAsync()).GetProperty("email").GetString());
    }

    [Fact]
    public async Task Duplicate_email_is_409_naming_email_whatever_its_case()
    {
        var email = NewEmail();
        await _client.CreateUserAsync(email);
        using var response = await _client.PostUserAsync(email.ToUpperInvariant());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(["email"], await response.ProblemFieldsAsync());
    }

    [Fact]
    public async Task Update_to_another_users_email_is_409()
    {
        var first = await _client.CreateUserAsync(NewEmail());
        var second = await _client.CreateUserAsync(NewEmail());
        using var response = await _client.PutAsJsonAsync(
            $"/users/{second.GetProperty("id")}", new { email = first.GetProperty("email").GetString(), name = "B" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Theory]
    [InlineData("/users/999999999")]
    [InlineData("/users/424242")]
    public async Task Unknown_id_is_404_problem(string path)
    {
        using var get = await _client.GetAsync(path);
        using var put = await _client.PutAsJsonAsync(path, new { email = NewEmail(), name = "x" });
        using var delete = await _client.DeleteAsync(path);

        foreach (var response in new[] { get, put, delete })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Update_increments_version_and_honours_if_match()
    {
        var created = await _client.CreateUserAsync(NewEmail());
        var path = $"/users/{created.GetProperty("id")}";
        var body = new { email = created.GetProperty("email").GetString(), name = "Renamed" };

        using var stale = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"7\"");
        using var refused = await _client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Equal(1, (await refused.ReadJsonAsync()).GetProperty("currentVersion").GetInt64());

        using var current = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) };
        current.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        using var accepted = await _client.SendAsync(current);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("\"2\"", accepted.Headers.ETag?.Tag);
        var updated = await accepted.ReadJsonAsync();
        Assert.Equal("Renamed", updated.GetProperty("name").GetString());
        Assert.Equal(2, updated.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Delete_is_204_then_404()
    {
        var created = await _client.CreateUserAsync(NewEmail());
        var path = $"/users/{created.GetProperty("id")}";

        using var deleted = await _client.DeleteAsync(path);
        using var gone = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_deleted_email_can_be_used_again()
    {
        var email = NewEmail();
        var created = await _client.CreateUserAsync(email);
        using (await _client.DeleteAsync($"/users/{created.GetProperty("id")}"))
        {
        }

        using var again = await _client.PostUserAsync(email);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }
}
