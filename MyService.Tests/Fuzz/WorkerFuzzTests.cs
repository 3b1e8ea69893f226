using Xunit.Abstractions;

namespace MyService.Tests.Fuzz;

/// <summary>The worker's HTTP surface (its health endpoints) under generated requests: never a 5xx, and still healthy.</summary>
[Collection(FuzzCollection.Name)]
public sealed class WorkerFuzzTests(ITestOutputHelper output)
{
    private const int DefaultCount = 100;

    [Fact]
    public async Task Generated_requests_never_get_a_5xx_and_health_stays_200()
    {
        using var worker = FuzzServers.Worker();
        using var client = new FuzzClient(worker.BaseAddress);
        var run = new FuzzRun(DefaultCount);
        var generator = new SurfaceRequestGenerator(
            run.Random, ["/health", "/health", "/alive", "/alive", "/", "/health/x", "/metrics", "/users", "/%2e%2e/health"], HostileValues.ContentTypes, _ => []);

        await client.SendAllAsync(run, generator.Next, (_, _) => Task.CompletedTask);

        run.ServerLogged(worker.Logs);
        output.WriteLine(run.Summary());
        run.AssertNoViolations();
        var health = await client.SendAsync(run, new FuzzRequest("GET", "/health", [], null, null));
        Assert.Equal(200, health?.Status);
    }
}
