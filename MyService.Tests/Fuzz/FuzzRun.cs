using Microsoft.Extensions.Logging.Testing;

namespace MyService.Tests.Fuzz;

/// <summary>
/// The seed and size of a fuzz run: fixed by default so CI is repeatable, <c>FUZZ_SEED</c> for another sequence and
/// <c>FUZZ_COUNT</c> for a soak: the requests of all the suites together (<see cref="DefaultTotal"/> by default), each
/// suite taking its default share. Collects violations; the failure message carries the seed that reproduces them.
/// </summary>
public sealed class FuzzRun
{
    public const int DefaultSeed = 20261201;

    /// <summary>The defaults of the four suites (API, raw framing, worker, collector) add up to this.</summary>
    public const int DefaultTotal = 3_000;
    private const int MaxReported = 25;

    private readonly List<string> _violations = [];

    public FuzzRun(int defaultCount)
    {
        Seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var seed) ? seed : DefaultSeed;
        Count = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_COUNT"), out var total) && total > 0
            ? (int)Math.Max(1, (long)total * defaultCount / DefaultTotal)
            : defaultCount;
        Random = new Random(Seed);
    }

    public int Seed { get; }

    public int Count { get; }

    public Random Random { get; }

    public int Sent { get; private set; }

    public Dictionary<int, int> Statuses { get; } = [];

    public void Answered(int status)
    {
        lock (Statuses)
        {
            Sent++;
            Statuses[status] = Statuses.GetValueOrDefault(status) + 1;
        }
    }

    public void Violation(object request, string what)
    {
        lock (_violations)
        {
            _violations.Add($"{what}\n    request: {request}");
        }
    }

    /// <summary>Each distinct error the server logged during the run is a violation: a client's mistake logs none.</summary>
    public void ServerLogged(FakeLogCollector logs)
    {
        foreach (var error in logs.GetSnapshot().Select(r => $"{r.Level} {r.Category}: {r.Message} {r.Exception?.GetType().Name}").Distinct())
        {
            Violation("(the server's log)", error);
        }
    }

    private static string CountSetting => Environment.GetEnvironmentVariable("FUZZ_COUNT") is { Length: > 0 } count ? $" FUZZ_COUNT={count}" : "";

    /// <summary>One line for the test's output: how many requests, from which seed, and the statuses they got.</summary>
    public string Summary() =>
        $"{Sent} requests, seed {Seed}, {_violations.Count} violations; statuses (0: connection closed) "
        + string.Join(", ", Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"));

    /// <summary>Fails with every violation seen (the first <see cref="MaxReported"/>), the seed and how to rerun.</summary>
    public void AssertNoViolations()
    {
        Assert.True(
            _violations.Count == 0,
            $"{Summary()} (rerun with FUZZ_SEED={Seed}{CountSetting}):\n"
            + string.Join("\n", _violations.Take(MaxReported)));
    }
}
