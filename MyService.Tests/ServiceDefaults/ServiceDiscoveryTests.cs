using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.ServiceDiscovery;
using MyService.Tests.TestSupport;

namespace MyService.Tests.ServiceDefaults;

public sealed class ServiceDiscoveryTests
{
    private static ServiceEndpointResolver Resolver(params (string Key, string Value)[] settings) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build());

    [Fact]
    public void Logical_name_resolves_from_the_aspire_variable_keeping_path_and_query()
    {
        var resolver = Resolver(("services:api:http:0", "http://localhost:41234"));

        Assert.Equal(new Uri("http://localhost:41234/events?after=3"), resolver.Rewrite(new Uri("http://api/events?after=3")));
    }

    [Fact]
    public void Https_plus_http_prefers_https_and_falls_back_to_http()
    {
        var both = Resolver(("services:api:http:0", "http://localhost:1"), ("services:api:https:0", "https://localhost:2"));
        var httpOnly = Resolver(("services:api:http:0", "http://localhost:1"));

        Assert.Equal(new Uri("https://localhost:2/"), both.Rewrite(new Uri("https+http://api/")));
        Assert.Equal(new Uri("http://localhost:1/"), httpOnly.Rewrite(new Uri("https+http://api/")));
    }

    [Fact]
    public void Unknown_names_and_real_hosts_are_left_alone()
    {
        var resolver = Resolver(("services:api:http:0", "http://localhost:1"));

        Assert.Null(resolver.Rewrite(new Uri("http://worker/")));
        Assert.Null(resolver.Rewrite(new Uri("https://example.com/")));
    }

    [Fact]
    public async Task An_httpclient_from_service_defaults_reaches_the_service_by_name()
    {
        await using var api = await LoopbackServer.StartAsync(ctx => ctx.Response.WriteAsync($"api saw {ctx.Request.Path}"));
        var builder = Host.CreateApplicationBuilder();
        // Exactly what an AppHost injects: services__api__http__0.
        builder.Configuration["services:api:http:0"] = api.BaseAddress.ToString().TrimEnd('/');
        builder.AddServiceDefaults();
        using var host = builder.Build();

        var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient();
        client.Timeout = TestTimeouts.Default;
        using var response = await client.GetAsync(new Uri("http://api/events"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("api saw /events", await response.Content.ReadAsStringAsync());
    }
}
