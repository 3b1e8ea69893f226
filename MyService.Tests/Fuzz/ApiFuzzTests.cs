using Xunit.Abstractions;
using System.Net;
using System.Text;

namespace MyService.Tests.Fuzz;

/// <summary>
/// Generated hostile requests against every route of the API over real HTTP: no answer is a 5xx, every 4xx is a
/// problem naming the field, no body leaks an exception, an acknowledged create reads back, nothing is logged at
/// error level, and the API is healthy and writable afterwards.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class ApiFuzzTests(ITestOutputHelper output)
{
    private const int DefaultCount = 2_400;

    [Fact]
    public async Task Generated_requests_never_get_a_5xx_and_leave_the_api_healthy()
    {
        using var api = FuzzServers.Api();
        using var client = new FuzzClient(api.BaseAddress);
        var run = new FuzzRun(DefaultCount);
        var generator = new ApiRequestGenerator(run.Random);
        var created = 0;

        await client.SendAllAsync(run, generator.Next, async (request, answer) =>
        {
            AnswerChecks.CheckApiAnswer(run, request, answer);
            if (answer.Status == 201 && answer.Location is { } location)
            {
                created++;
                await ReadBackAsync(run, client, request, location, answer.Body);
            }
        });

        run.ServerLogged(api.Logs);
        output.WriteLine($"{run.Summary()}; {created} creates acknowledged and read back");
        run.AssertNoViolations();
        Assert.True(created > 0, $"no request of {run.Sent} created anything (seed {run.Seed}): the generator misses the handlers");
        await AssertHealthyAndWritableAsync(api.BaseAddress);
    }

    /// <summary>A create the API acknowledged reads back at its Location, as it was answered.</summary>
    private static async Task ReadBackAsync(FuzzRun run, FuzzClient client, FuzzRequest request, Uri location, byte[] body)
    {
        if (await client.SendAsync(run, new FuzzRequest("GET", location.OriginalString, [], null, null)) is not { } read)
        {
            return;
        }

        if (read.Status != 200 || !read.Body.AsSpan().SequenceEqual(body))
        {
            run.Violation(request, $"the create answered 201 at {location}, reading it back answered {read.Status}: {Encoding.UTF8.GetString(read.Body)}");
        }
    }

    private static async Task AssertHealthyAndWritableAsync(Uri address)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TestTimeouts.Default };
        using var health = await http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var create = await http.PostAsync("/users", new StringContent($$"""{"email":"after-{{Guid.NewGuid():N}}@example.com","name":"After"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
    }
}
