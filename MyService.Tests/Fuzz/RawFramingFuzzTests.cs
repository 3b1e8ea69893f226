namespace MyService.Tests.Fuzz;

/// <summary>Broken HTTP framing on raw sockets to the API: every answer below 500 or a closed connection, never silence.</summary>
public sealed class RawFramingFuzzTests
{
    private const int DefaultCount = 400;

    [Fact]
    public async Task Broken_framing_gets_a_4xx_or_a_closed_connection_never_a_5xx_or_a_hang()
    {
        using var api = KestrelApi.Start();
        var run = new FuzzRun(DefaultCount);
        var requests = new ApiRequestGenerator(run.Random);

        for (var i = 0; i < run.Count; i++)
        {
            var request = RawFramingCases.Next(run.Random, requests);
            var outcome = await RawHttp.SendAsync(api.BaseAddress, request);
            run.Answered(outcome.Status ?? 0);
            var shown = RawHttp.Show(request);
            if (outcome.Hung)
            {
                run.Violation(shown, $"neither an answer nor a close within {RawHttp.AnswerTimeout.TotalSeconds} s");
            }
            else if (outcome.Status >= 500 && !(outcome.Status == 505 && UnsupportedVersion(request)))
            {
                run.Violation(shown, $"answered {outcome.Head.Split('\n')[0].Trim()}");
            }
        }

        run.ServerLogged(api.Logs);
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
