using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using MyService.Tests.ApiClient;

namespace MyService.Tests.Api;

/// <summary>The Kiota client generated from the committed OpenAPI document (MyService.Tests.csproj), on an in-process API.</summary>
internal static class GeneratedApiClient
{
    /// <summary>Kiota's own handler chain (retry, redirect, header inspection) over the test server's handler.</summary>
    public static MyServiceClient CreateGeneratedClient(this ApiFactory factory)
    {
        var http = factory.CreateDefaultClient(new Uri("http://localhost"), [.. KiotaClientFactory.CreateDefaultHandlers()]);
        http.Timeout = TestTimeouts.Default;
        return new MyServiceClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http));
    }

    /// <summary>A request that records the response headers into <paramref name="headers"/> and sends If-Match when given.</summary>
    public static Action<RequestConfiguration<DefaultQueryParameters>> With(HeadersInspectionHandlerOption headers, string? ifMatch = null) => config =>
    {
        config.Options.Add(headers);
        if (ifMatch is not null)
        {
            config.Headers.Add("If-Match", ifMatch);
        }
    };

    public static HeadersInspectionHandlerOption ResponseHeaders() => new() { InspectResponseHeaders = true };

    public static string Single(this HeadersInspectionHandlerOption headers, string name) =>
        Assert.Single(headers.ResponseHeaders[name]);
}
