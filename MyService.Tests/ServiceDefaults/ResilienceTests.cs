extern alias Worker;

using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Worker::MyService.Worker.Extensions;
using Worker::MyService.Worker.Feed;

namespace MyService.Tests.ServiceDefaults;

/// <summary>The standard resilience handler, as AddServiceDefaults puts it on every HttpClient, against a real server.</summary>
public sealed class ResilienceTests
{
    [Fact]
    public async Task A_503_is_retried_and_the_later_success_returned()
    {
        await using var server = await ScriptedServer.StartAsync(StatusCodes.Status503ServiceUnavailable, StatusCodes.Status200OK);
        using var host = ServiceDefaultsHost.Build(("services:api:http:0", server.Address));

        using var response = await host.CreateClient().GetAsync(new Uri("http://api/events")).WithTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.Calls);
    }

    [Fact]
    public async Task A_400_is_not_retried()
    {
        await using var server = await ScriptedServer.StartAsync(StatusCodes.Status400BadRequest, StatusCodes.Status200OK);
        using var host = ServiceDefaultsHost.Build(("services:api:http:0", server.Address));

        using var response = await host.CreateClient().GetAsync(new Uri("http://api/events")).WithTimeout();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, server.Calls);
    }

    [Fact]
    public async Task The_worker_feed_client_leaves_retries_to_the_worker_loop()
    {
        await using var server = await ScriptedServer.StartAsync(StatusCodes.Status503ServiceUnavailable, StatusCodes.Status200OK);
        using var host = ServiceDefaultsHost.Build(worker => worker.AddProjectionWorker(), ("services:api:http:0", server.Address));
        var feed = host.Services.GetRequiredService<IChangeFeedSource>();

        // One attempt, and the failure goes straight to the loop, which backs off (ProjectionWorkerTests).
        await Assert.ThrowsAsync<HttpRequestException>(() => feed.ReadAsync(0, 10, 0, CancellationToken.None).WithTimeout());
        Assert.Equal(1, server.Calls);
        Assert.Empty((await feed.ReadAsync(0, 10, 0, CancellationToken.None).WithTimeout()).Events);
    }
}
