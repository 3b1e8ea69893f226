using Xunit.Abstractions;
namespace MyService.Tests.Fuzz;

/// <summary>Broken HTTP framing on raw sockets to the API: every answer below 500 or a closed connection, never silence.</summary>
[Collection(FuzzCollection.Name)]
public sealed class RawFramingFuzzTests(ITestOutputHelper output)
{
    private const int DefaultCount = 400;

    [Fact]
    public async Task Broken_framing_gets_a_4xx_or_a_closed_connection_never_a_5xx_or_a_hang()
    {
        using var api = FuzzServers.Api();
        var run = new FuzzRun(DefaultCount);
        var requests = new ApiRequestGenerator(run.Random);

        // Generated in order from the seed, then sent eight at a time: the cases that wait out a silent server add up.
        var cases = Enumerable.Range(0, run.Count).Select(_ => RawFramingCases.Next(run.Random, requests)).ToList();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (request, _) =>
        {
            var outcome = await RawHttp.SendAsync(api.BaseAddress, request);
            run.Answered(outcome.Status ?? 0);
            if (outcome.Hung)
            {
                run.Violation(RawHttp.Show(request), $"neither an answer nor a close within {RawHttp.AnswerTimeout.TotalSeconds} s");
            }
            else if (outcome.Status >= 500 && !(outcome.Status == 505 && UnsupportedVersion(request)))
            {
                run.Violation(RawHttp.Show(request), $"answered {outcome.Head.Split('\n')[0].Trim()}");
            }
        }).WithTimeout(TimeSpan.FromMinutes(10));

        run.ServerLogged(api.Logs);
        output.WriteLine(run.Summary());
        run.AssertNoViolations();
    }

    /// <summary>
    /// Kestrel answers a request line naming a version it does not speak (HTTP/2.0 or 9.9 in plain text, or none: HTTP/0.9) with 505 HTTP
    /// Version Not Supported, the status RFC 9110 15.6.6 defines for exactly that: the one 5xx that is the right answer.
    /// </summary>
    private static bool UnsupportedVersion(byte[] request)
    {
        var line = System.Text.Encoding.Latin1.GetString(request).Split('\n')[0].TrimEnd('\r');
        return !line.EndsWith(" HTTP/1.1", StringComparison.Ordinal) && !line.EndsWith(" HTTP/1.0", StringComparison.Ordinal);
    }
}
