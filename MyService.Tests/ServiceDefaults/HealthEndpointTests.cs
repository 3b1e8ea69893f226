using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using MyService.Tests.TestSupport;

namespace MyService.Tests.ServiceDefaults;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Health_is_503_with_the_failing_check_named_while_alive_stays_200_in_production()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        builder.Services.AddHealthChecks().AddCheck("database", () => HealthCheckResult.Unhealthy("disk gone"));
        await using var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync().WithTimeout();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = TestTimeouts.Default };

        using var health = await client.GetAsync("/health");
        using var alive = await client.GetAsync("/alive");
        var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        Assert.Equal("disk gone", body.GetProperty("checks").GetProperty("database").GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        await app.StopAsync().WithTimeout();
    }
}
