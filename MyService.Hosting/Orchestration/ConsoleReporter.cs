using System.Diagnostics;
using Microsoft.Extensions.Hosting;

namespace MyService.Hosting.Orchestration;

/// <summary>
/// Start-up progress on the AppHost's console: one line per resource state change (waiting, starting, healthy,
/// failed with its last log lines), then, once everything is up, where each resource is.
/// </summary>
internal sealed class ConsoleReporter(
    ResourceNotificationService notifications,
    ResourceLoggerService logs,
    DistributedApplicationModel model,
    DistributedApplicationOptions options,
    IHostEnvironment environment,
    TextWriter output) : BackgroundService
{
    private const int FailureLogLines = 10;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var clock = Stopwatch.StartNew();
        var shown = new Dictionary<string, string>();
        var latest = new Dictionary<string, ResourceSnapshot>();
        var summarised = false;
        await output.WriteLineAsync($"MyService AppHost ({environment.EnvironmentName}) · {model.Resources.Count} resources · data in {options.DataDirectory}");
        try
        {
            await foreach (var snapshot in notifications.WatchAsync(stoppingToken))
            {
                latest[snapshot.Name] = snapshot;
                var line = Describe(snapshot);
                if (line is null || shown.GetValueOrDefault(snapshot.Name) == line)
                {
                    continue;
                }

                shown[snapshot.Name] = line;
                await output.WriteLineAsync($"  {snapshot.Name,-16} {line}");
                if (snapshot.State == KnownResourceStates.FailedToStart)
                {
                    await WriteLastLinesAsync(snapshot);
                }

                // Judged on the snapshots printed so far, so the summary never runs ahead of the lines above it.
                if (!summarised && latest.Count == model.Resources.Count && latest.Values.All(s => s.IsUp))
                {
                    summarised = true;
                    await WriteSummaryAsync([.. latest.Values.OrderBy(s => s.Name, StringComparer.Ordinal)], clock.Elapsed);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private static string? Describe(ResourceSnapshot s) => s.State switch
    {
        KnownResourceStates.NotStarted => null,
        KnownResourceStates.Running when s.Health == HealthStatus.Healthy => $"Healthy   {string.Join(' ', s.Urls)}".TrimEnd(),
        // Not yet healthy is the normal course of starting; only a resource that was healthy and is not is news.
        KnownResourceStates.Running when s.Health == HealthStatus.Unhealthy && s.HealthReports.Any(r => r.Status == HealthStatus.Healthy)
            => $"Unhealthy {s.StateReason}",
        KnownResourceStates.Running => null,
        _ => $"{s.State,-9} {s.StateReason}".TrimEnd(),
    };

    private async Task WriteLastLinesAsync(ResourceSnapshot snapshot)
    {
        // The engine's own note of the failure repeats the reason printed just above.
        var lines = logs.GetLines(snapshot.Name).Where(l => l.Content != $"[apphost] {snapshot.StateReason}");
        foreach (var line in lines.TakeLast(FailureLogLines))
        {
            await output.WriteLineAsync($"      | {line.Content}");
        }
    }

    private async Task WriteSummaryAsync(IReadOnlyCollection<ResourceSnapshot> all, TimeSpan elapsed)
    {
        await output.WriteLineAsync($"All {all.Count} resources are up ({elapsed.TotalSeconds:0.0} s):");
        foreach (var snapshot in all.Where(s => s.Urls.Length > 0))
        {
            await output.WriteLineAsync($"  {snapshot.Name,-16} {string.Join(' ', snapshot.Urls)}");
        }

        await output.WriteLineAsync("Press Ctrl+C to stop.");
    }
}
