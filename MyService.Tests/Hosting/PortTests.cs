using System.Net;
using System.Net.Sockets;
using MyService.Hosting;
using MyService.Hosting.Orchestration;
using MyService.Tests.TestSupport;

namespace MyService.Tests.Hosting;

public sealed class PortTests
{
    [Fact]
    public async Task A_taken_fixed_port_fails_the_resource_naming_the_port_the_holder_and_the_fix()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        await using var model = new TestAppModel(o => o.RandomizePorts = false);
        model.Builder.AddExecutable("api", "node", ".", TestAppModel.ServerScript).WithHttpEndpoint(port: port, env: "PORT");
        model.AddServer("other");
        var app = await model.StartAsync();

        var failed = await app.WaitForStateAsync("api", KnownResourceStates.FailedToStart);
        await app.WaitForHealthyAsync("other");

        Assert.Contains($"Port {port}", failed.StateReason, StringComparison.Ordinal);
        Assert.Contains($"process {Environment.ProcessId}", failed.StateReason, StringComparison.Ordinal);
        Assert.Contains("WithHttpEndpoint(port:", failed.StateReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unpinned_endpoints_get_distinct_free_ports_that_the_process_listens_on()
    {
        await using var model = new TestAppModel();
        model.AddServer("one");
        model.AddServer("two");
        var app = await model.StartAsync();
        await app.WaitForHealthyAsync("one");
        await app.WaitForHealthyAsync("two");

        var one = app.GetEndpointUri("one");
        var two = app.GetEndpointUri("two");
        using var client = new HttpClient { Timeout = TestTimeouts.Default };

        Assert.NotEqual(one.Port, two.Port);
        Assert.Contains("\"name\":\"one\"", await client.GetStringAsync(one), StringComparison.Ordinal);
        Assert.Contains("\"name\":\"two\"", await client.GetStringAsync(two), StringComparison.Ordinal);
    }
}
