using Microsoft.Extensions.Hosting;
using MyService.ServiceDefaults.Health;
using MyService.Tests.TestSupport;

namespace MyService.Tests.Api;

/// <summary>The probe the Dockerfile HEALTHCHECK runs: 0 on a healthy service, 1 otherwise.</summary>
public sealed class HealthProbeTests
{
    [Fact]
    public async Task Probe_exits_0_for_2xx_and_1_for_503_or_no_listener()
    {
        await using var healthy = await LoopbackServer.StartAsync(_ => Task.CompletedTask);
        await using var failing = await LoopbackServer.StartAsync(ctx =>
        {
            ctx.Response.StatusCode = 503;
            return Task.CompletedTask;
        });
        int closedPort;
        await using (var gone = await LoopbackServer.StartAsync(_ => Task.CompletedTask))
        {
            closedPort = gone.BaseAddress.Port;
        }

        Assert.True(HealthProbe.IsRequested(["--health-probe"]));
        Assert.Equal(0, await Probe(new Uri(healthy.BaseAddress, "/health").ToString()));
        Assert.Equal(1, await Probe(new Uri(failing.BaseAddress, "/health").ToString()));
        Assert.Equal(1, await Probe($"http://127.0.0.1:{closedPort}/health"));
    }

    private static Task<int> Probe(string url) => HealthProbe.RunAsync([HealthProbe.Argument, url]).WithTimeout();
}
