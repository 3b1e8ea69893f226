using System.Net;
using System.Net.Sockets;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using MyService.Hosting.Ports;
using MyService.Hosting.Shared;

namespace MyService.Tests.Integrations;

/// <summary><c>AddFixedPortCheck</c> through the real Aspire model, with ports fixed (not randomised) and one already taken.</summary>
[Collection(IntegrationApp.FirstCollection)]
public sealed class FixedPortCheckIntegrationTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ATakenResourcePort_FailsThatResource_NamingThePortAndItsHolder_AndTheRestRuns(bool proxied)
    {
        using var holder = Listen(out var port);
        await using var app = IntegrationApp.Create($"--{AspireInternals.RandomizePortsKey}=false");
        app.Builder.AddFixedPortCheck();
        app.AddProcess("web").WithHttpEndpoint(port: port, isProxied: proxied);
        app.AddProcess("other");
        var starting = await app.BeginStartAsync();

        await app.WaitForStateAsync("web", KnownResourceStates.FailedToStart);
        await app.WaitForStateAsync("other", KnownResourceStates.Running);
        await starting;

        var lines = await app.LogLinesAsync("web");
        var taken = Assert.Single(lines, line => line.Contains($"Port {port} ", StringComparison.Ordinal));
        Assert.Contains($"process {Environment.ProcessId} ", taken, StringComparison.Ordinal);
        Assert.Contains("give web another port", taken, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [Fact]
    public void ATakenDashboardPort_IsReportedWithItsHolderAndWhereToChangeIt()
    {
        using var holder = Listen(out var taken);
        int free;
        using (Listen(out free))
        {
            // Closed at once: a port the OS just handed out and nobody holds.
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = $"http://localhost:{taken}",
            ["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = $"http://localhost:{free}",
        }).Build();

        var port = Assert.Single(FixedPortCheck.Dashboard(configuration));
        Assert.Equal(taken, port.Port);
        Assert.Equal("dashboard", port.Endpoint);
        Assert.Contains($"process {Environment.ProcessId} ", port.Message, StringComparison.Ordinal);
        Assert.Contains("ASPNETCORE_URLS", port.Message, StringComparison.Ordinal);
    }

    /// <summary>A listener on a port the OS picks, held by this test process.</summary>
    private static TcpListener Listen(out int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        port = ((IPEndPoint)listener.LocalEndpoint).Port;
        return listener;
    }
}
