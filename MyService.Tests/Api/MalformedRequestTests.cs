using System.Net;
using System.Text;

namespace MyService.Tests.Api;

/// <summary>A client's mistake is always a 4xx problem details naming what was wrong, never a 500.</summary>
public sealed class MalformedRequestTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly string LongName = new('n', 201);
    private static readonly string LongEmail = new string('e', 250) + "@example.com";

    private readonly HttpClient _client = factory.CreateApiClient();

    public static TheoryData<string, string, string?, string?, int, string> Cases => new()
    {
        // method, path, content type, body, status, field
        { "POST", "/users", "application/json", """{"name":"Ann"}""", 400, "email" },
        { "POST", "/users", "application/json", """{"email":"","name":"Ann"}""", 400, "email" },
        { "POST", "/users", "application/json", """{"email":"not-an-email","name":"Ann"}""", 400, "email" },
        { "POST", "/users", "application/json", """{"email":"a@b","name":"Ann"}""", 400, "email" },
        { "POST", "/users", "application/json", $$"""{"email":"{{LongEmail}}","name":"Ann"}""", 400, "email" },
        { "POST", "/users", "application/json", """{"email":"a@example.com"}""", 400, "name" },
        { "POST", "/users", "application/json", """{"email":"a@example.com","name":"   "}""", 400, "name" },
        { "POST", "/users", "application/json", $$"""{"email":"a@example.com","name":"{{LongName}}"}""", 400, "name" },
        { "POST", "/users", "application/json", """{"email":42,"name":"Ann"}""", 400, "email" },
        { "POST", "/users", "application/json", """{"email":"a@example.com","name":"Ann" """, 400, "body" },
        { "POST", "/users", "application/json", "not json", 400, "body" },
        { "POST", "/users", "application/json", "null", 400, "body" },
        { "POST", "/users", "application/json", "", 400, "body" },
        { "POST", "/users", "application/json", "[]", 400, "body" },
        { "POST", "/users", "text/plain", """{"email":"a@example.com","name":"Ann"}""", 415, "Content-Type" },
        { "POST", "/users", null, null, 400, "body" },
        { "POST", "/users", "application/json", "{\"name\":\"" + new string('x', 70_000) + "\"}", 413, "body" },
        { "POST", "/items", "application/json", """{"description":"no name"}""", 400, "name" },
        { "POST", "/items", "application/json", $$"""{"name":"x","description":"{{new string('d', 4001)}}"}""", 400, "description" },
        { "GET", "/users/abc", null, null, 400, "id" },
        { "GET", "/users/0", null, null, 400, "id" },
        { "GET", "/users/-1", null, null, 400, "id" },
        { "GET", "/users/99999999999999999999", null, null, 400, "id" },
        { "PUT", "/items/x1", "application/json", """{"name":"x"}""", 400, "id" },
        { "DELETE", "/items/1.5", null, null, 400, "id" },
        { "GET", "/users?limit=0", null, null, 400, "limit" },
        { "GET", "/users?limit=1001", null, null, 400, "limit" },
        { "GET", "/users?limit=ten", null, null, 400, "limit" },
        { "GET", "/users?cursor=not-a-cursor", null, null, 400, "cursor" },
        { "GET", "/items?cursor=YWZ0ZXI6eA", null, null, 400, "cursor" },
        { "GET", "/events?after=-3", null, null, 400, "after" },
        { "GET", "/events?after=x", null, null, 400, "after" },
        { "GET", "/events?limit=5000", null, null, 400, "limit" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Malformed_request_gets_a_problem_naming_the_field(
        string method, string path, string? contentType, string? body, int status, string field)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null || contentType is not null)
        {
            request.Content = new StringContent(body ?? "", Encoding.UTF8);
            request.Content.Headers.ContentType = contentType is null ? null : new(contentType);
        }

        using var response = await _client.SendAsync(request);

        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        Assert.Contains(field, await response.ProblemFieldsAsync());
    }

    [Fact]
    public async Task Malformed_if_match_is_400_naming_the_header()
    {
        using var created = await _client.PostAsync("/items", new StringContent("""{"name":"x"}""", Encoding.UTF8, "application/json"));
        using var request = new HttpRequestMessage(HttpMethod.Put, created.Headers.Location)
        {
            Content = new StringContent("""{"name":"y"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "\"abc\"");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("If-Match", await response.ProblemFieldsAsync());
    }

    [Fact]
    public async Task Nothing_is_written_by_a_rejected_request()
    {
        using var before = await _client.GetAsync("/events?limit=1000");
        var count = (await before.ReadJsonAsync()).GetProperty("events").GetArrayLength();

        using var rejected = await _client.PostAsync("/users", new StringContent("""{"email":"bad"}""", Encoding.UTF8, "application/json"));
        using var after = await _client.GetAsync("/events?limit=1000");

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Equal(count, (await after.ReadJsonAsync()).GetProperty("events").GetArrayLength());
    }
}
