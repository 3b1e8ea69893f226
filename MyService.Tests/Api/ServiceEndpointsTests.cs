using System.Net;

namespace MyService.Tests.Api;

public sealed class ServiceEndpointsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task Root_names_the_service_and_its_version()
    {
        using var response = await _client.GetAsync("/");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("MyService.Api", body.GetProperty("service").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+", body.GetProperty("version").GetString());
    }

    [Fact]
    public async Task Health_reports_each_check_including_the_database()
    {
        using var response = await _client.GetAsync("/health");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("sqlite").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Alive_runs_only_the_liveness_checks()
    {
        using var response = await _client.GetAsync("/alive");
        var checks = (await response.ReadJsonAsync()).GetProperty("checks");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(checks.TryGetProperty("self", out _));
        Assert.False(checks.TryGetProperty("sqlite", out _));
    }

    [Fact]
    public async Task OpenApi_document_lists_the_endpoints()
    {
        using var response = await _client.GetAsync("/openapi/v1.json");
        var paths = (await response.ReadJsonAsync()).GetProperty("paths");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var path in new[] { "/users", "/users/{id}", "/items", "/items/{id}", "/events" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"missing {path}");
        }
    }

    [Fact]
    public async Task Unknown_route_is_a_404_problem()
    {
        using var response = await _client.GetAsync("/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
