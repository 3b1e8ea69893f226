using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MyService.Tests.Api;

/// <summary>The Scalar API reference: at /scalar in Development, from the API's own document and script; absent in Production.</summary>
public sealed class ApiReferenceTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Development_serves_the_reference_page_for_the_document()
    {
        using var client = InEnvironment("Development");
        using var response = await client.GetAsync("/scalar").WithTimeout();
        var page = await response.Content.ReadAsStringAsync().WithTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"url\":\"openapi/v1.json\"", page, StringComparison.Ordinal);
        Assert.Contains("<script src=\"scalar.js\">", page, StringComparison.Ordinal);
        // Nothing on the page talks to Scalar's servers: no telemetry, no developer-tools bar (its Share uploads the document).
        Assert.Contains("\"telemetry\":false", page, StringComparison.Ordinal);
        Assert.Contains("\"showDeveloperTools\":\"never\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_serves_the_reference_script_itself_without_a_cdn()
    {
        using var client = InEnvironment("Development");
        using var response = await client.GetAsync("/scalar/scalar.js").WithTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Content.Headers.ContentLength > 100_000, $"scalar.js is {response.Content.Headers.ContentLength} bytes.");
    }

    [Fact]
    public async Task Production_has_no_reference()
    {
        using var client = InEnvironment("Production");
        using var response = await client.GetAsync("/scalar").WithTimeout();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private HttpClient InEnvironment(string environment)
    {
        var client = factory.WithWebHostBuilder(b => b.UseEnvironment(environment)).CreateClient(new WebApplicationFactoryClientOptions());
        client.Timeout = TestTimeouts.Default;
        return client;
    }
}
