namespace MyService.Hosting;

/// <summary>How the app model runs. Defaults are for <c>dotnet run</c>; the testing builder changes them.</summary>
public sealed class DistributedApplicationOptions
{
    public string[] Args { get; set; } = [];

    /// <summary>The AppHost project directory: content root, and parent of the data directory.</summary>
    public string AppHostDirectory { get; set; } = Directory.GetCurrentDirectory();

    /// <summary>Persistent data (SQLite files, DynamoDB Local's files, the process registry). Configuration: <c>AppHost:DataDirectory</c>.</summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>Tests: every endpoint on a free port, fixed ports ignored.</summary>
    public bool RandomizePorts { get; set; }

    /// <summary>Tests: data that does not outlive the run (DynamoDB Local -inMemory).</summary>
    public bool EphemeralData { get; set; }

    public bool DisableDashboard { get; set; }

    /// <summary>Between SIGTERM and killing the process tree.</summary>
    public TimeSpan StopGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    public RestartPolicy RestartPolicy { get; set; } = new();

    /// <summary>Set by a <c>publish</c> or <c>validate</c> verb: the app model is published instead of run (DESIGN §8).</summary>
    public Publishing.PublishingOptions? Publishing { get; set; }
}

/// <summary>
/// A project that exits unexpectedly is restarted after min(InitialDelay * 2^(n-1), MaxDelay). A run shorter than
/// <see cref="FastCrashWindow"/> counts as a fast crash; <see cref="MaxFastCrashes"/> in a row end in FailedToStart.
/// </summary>
public sealed record RestartPolicy
{
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan FastCrashWindow { get; init; } = TimeSpan.FromSeconds(30);

    public int MaxFastCrashes { get; init; } = 5;

    public TimeSpan DelayFor(int attempt) =>
        TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, InitialDelay.Ticks * (1L << Math.Clamp(attempt - 1, 0, 30))));
}
