using Xunit.Abstractions;
using System.Text;
using MyService.Hosting.OpenTelemetry.Collector;

namespace MyService.Tests.Fuzz;

/// <summary>
/// The collector's OTLP/HTTP receiver under generated garbage: wrong methods, paths, media types, bodies and keys are
/// 4xx, never 5xx; a missing or wrong API key is always 401; a declared body over its limit is 413.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class CollectorFuzzTests(ITestOutputHelper output)
{
    private const int DefaultCount = 100;
    private const string Key = "fuzz-key";
    private static readonly string[] Signals = ["/v1/traces", "/v1/metrics", "/v1/logs"];

    [Fact]
    public async Task Garbage_is_a_4xx_and_a_missing_or_wrong_key_is_401()
    {
        await using var receiver = new OtlpReceiver(new CollectorCounters(), []);
        var address = await receiver.StartAsync(0, Key, CancellationToken.None).WithTimeout();
        using var client = new FuzzClient(address);
        var run = new FuzzRun(DefaultCount);
        var generator = new SurfaceRequestGenerator(
            run.Random,
            [.. Signals, .. Signals, "/v1/other", "/", "/v1/traces/x", "/V1/TRACES"],
            ["application/x-protobuf", "application/x-protobuf", "application/x-protobuf; charset=utf-7", "application/json", "text/plain", "", null],
            random => random.Next(3) switch
            {
                0 => [],
                1 => [new(OtlpReceiver.ApiKeyHeader, random.Pick(["wrong", "", Key + "x", " " + Key[1..], Key.ToUpperInvariant(), new string('k', 9000)]))],
                _ => [new(OtlpReceiver.ApiKeyHeader, Key)],
            });

        await client.SendAllAsync(run, generator.Next, (request, answer) =>
        {
            var wrongKey = request.Method == "POST" && Signals.Contains(request.Target) && request.Header(OtlpReceiver.ApiKeyHeader) != Key;
            if (wrongKey && answer.Status != 401)
            {
                run.Violation(request, $"a missing or wrong key answered {answer.Status}, not 401");
            }

            return Task.CompletedTask;
        });

        output.WriteLine(run.Summary());
        run.AssertNoViolations();
        await AssertOversizedIs413Async(address);
    }

    private static async Task AssertOversizedIs413Async(Uri address)
    {
        var request = Encoding.ASCII.GetBytes(
            $"POST /v1/traces HTTP/1.1\r\nHost: 127.0.0.1\r\n{OtlpReceiver.ApiKeyHeader}: {Key}\r\nContent-Type: application/x-protobuf\r\n"
            + $"Content-Length: {OtlpReceiver.MaxBodyBytes + 1}\r\n\r\n");
        // Input left open: a client that declared 16 MB is still sending when the 413 comes, and reads it.
        var outcome = await RawHttp.SendAsync(address, request, endInput: false);
        Assert.Equal(413, outcome.Status);
    }
}
