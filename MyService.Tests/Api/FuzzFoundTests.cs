using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using MyService.Tests.Fuzz;

namespace MyService.Tests.Api;

/// <summary>
/// The cases the fuzz suite (MyService.Tests/Fuzz) found answering 5xx, a non-problem 4xx or an error log, kept by
/// name so they stay fixed whatever the generator's seed draws.
/// </summary>
public sealed class FuzzFoundTests : IDisposable
{
    private readonly FakeLogCollector _logs = FuzzServers.ErrorLogs();
    private readonly ApiFactory _factory;
    private readonly HttpClient _client;

    public FuzzFoundTests()
    {
        _factory = ApiFactory.With(web => web.ConfigureLogging(logging => logging.AddProvider(new FakeLoggerProvider(_logs))));
        _client = _factory.CreateApiClient();
    }

    [Theory]
    [InlineData("utf-7")]           // known to .NET by name, refused when used: was a 500 (NotSupportedException)
    [InlineData("bogus-42")]        // no such encoding: was a 500 (InvalidOperationException in the JSON reader)
    [InlineData("\"\"")]            // empty after unquoting: was a 500
    public async Task A_charset_that_cannot_be_read_is_415_naming_the_content_type(string charset)
    {
        using var response = await PostUserAsync(Valid(), $"application/json; charset={charset}");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("Content-Type", await response.ProblemFieldsAsync());
        Assert.Empty(_logs.GetSnapshot());
    }

    [Theory]
    [InlineData("\"utf-8\"")]       // RFC 9110: the same as charset=utf-8; the JSON reader took the quotes as the name (500)
    [InlineData("UTF-8")]
    [InlineData("iso-8859-1")]      // transcoded by the reader, as before
    public async Task A_readable_charset_quoted_or_not_is_read(string charset)
    {
        using var response = await PostUserAsync(Valid(), $"application/json; charset={charset}");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_compressed_body_is_415_naming_content_encoding_and_saying_what_is_accepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/users") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Valid())) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Content.Headers.ContentEncoding.Add("gzip");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("Content-Encoding", await response.ProblemFieldsAsync());
        Assert.Equal("identity", response.Headers.GetValues("Accept-Encoding").Single());
    }

    [Theory]
    [InlineData("identity")]
    [InlineData("identity, IDENTITY")] // a list of codings that changes nothing
    public async Task The_identity_coding_is_no_coding(string coding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/users") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Valid())) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Content.Headers.TryAddWithoutValidation("Content-Encoding", coding);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_client_that_accepts_no_json_gets_its_4xx_as_text_and_nothing_is_logged_as_an_error()
    {
        // The problem writer declines Accept: text/html; the handler used to return "not handled", which logged an error.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/users") { Content = new StringContent("{", Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("not valid JSON", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_logs.GetSnapshot());
    }

    [Fact]
    public async Task An_unknown_openapi_document_is_a_problem_404()
    {
        // The package's {documentName} route answered other names with a plain-text 404.
        using var response = await _client.GetAsync("/openapi/v2.json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static string Valid() => $$"""{"email":"found-{{Guid.NewGuid():N}}@example.com","name":"Found"}""";

    private Task<HttpResponseMessage> PostUserAsync(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return _client.PostAsync("/users", content);
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }
}
