using System.Text;

namespace MyService.Tests.Fuzz;

/// <summary>The worker's HTTP surface (its health endpoints) under generated requests: never a 5xx, and still healthy.</summary>
public sealed class WorkerFuzzTests
{
    private const int DefaultCount = 100;

    [Fact]
    public async Task Generated_requests_never_get_a_5xx_and_health_stays_200()
    {
        using var worker = KestrelWorker.Start();
        using var client = new FuzzClient(worker.BaseAddress);
        var run = new FuzzRun(DefaultCount);
        var generator = new SurfaceRequestGenerator(
            run.Random, ["/health", "/health", "/alive", "/alive", "/", "/health/x", "/metrics", "/users", "/%2e%2e/health"], HostileValues.ContentTypes, _ => []);

        for (var i = 0; i < run.Count; i++)
        {
            var request = generator.Next();
            if (await client.SendAsync(run, request) is not { } answer)
            {
                continue;
            }

            run.Answered(answer.Status);
            if (answer.Status >= 500)
            {
                run.Violation(request, $"answered {answer.Status}: {Encoding.UTF8.GetString(answer.Body)}");
            }
        }

        run.ServerLogged(worker.Logs);
        run.AssertNoViolations();
        var health = await client.SendAsync(run, new FuzzRequest("GET", "/health", [], null, null));
        Assert.Equal(200, health?.Status);
    }
}
