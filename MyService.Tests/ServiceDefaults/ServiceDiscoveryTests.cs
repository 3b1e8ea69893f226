using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.ServiceDiscovery;

namespace MyService.Tests.ServiceDefaults;

/// <summary>Microsoft.Extensions.ServiceDiscovery as AddServiceDefaults configures it, on Aspire's services__ variables.</summary>
public sealed class ServiceDiscoveryTests
{
    [Fact]
    public async Task Http_api_reaches_the_endpoint_in_services_api_http_0_keeping_path_and_query()
    {
        await using var api = await LoopbackServer.StartAsync(ctx => ctx.Response.WriteAsync($"api saw {ctx.Request.Path}{ctx.Request.QueryString}"));
        // Exactly what an AppHost injects: services__api__http__0.
        using var host = ServiceDefaultsHost.Build(("services:api:http:0", api.BaseAddress.ToString().TrimEnd('/')));

        using var response = await host.CreateClient().GetAsync(new Uri("http://api/events?after=3")).WithTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("api saw /events?after=3", await response.Content.ReadAsStringAsync().WithTimeout());
    }

    [Fact]
    public async Task Https_plus_http_falls_back_to_http_when_the_service_has_no_https_endpoint()
    {
        await using var api = await LoopbackServer.StartAsync(ctx => ctx.Response.WriteAsync("over http"));
        using var host = ServiceDefaultsHost.Build(("services:api:http:0", api.BaseAddress.ToString().TrimEnd('/')));

        using var response = await host.CreateClient().GetAsync(new Uri("https+http://api/")).WithTimeout();

        Assert.Equal("over http", await response.Content.ReadAsStringAsync().WithTimeout());
    }

    [Fact]
    public async Task Https_plus_http_prefers_the_https_endpoint()
    {
        using var host = ServiceDefaultsHost.Build(("services:api:http:0", "http://127.0.0.1:1"), ("services:api:https:0", "https://127.0.0.1:2"));
        var resolver = host.Services.GetRequiredService<ServiceEndpointResolver>();

        var endpoints = await resolver.GetEndpointsAsync("https+http://api", CancellationToken.None).AsTask().WithTimeout();

        Assert.Equal("https://127.0.0.1:2/", Assert.Single(endpoints.Endpoints).EndPoint.ToString());
    }
}
