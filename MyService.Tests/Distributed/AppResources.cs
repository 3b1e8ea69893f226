using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using MyService.Hosting.DynamoDB;

namespace MyService.Tests.Distributed;

/// <summary>What the tests read off a running app: a resource's current snapshot, its process, its model object.</summary>
internal static class AppResources
{
    /// <summary>The latest event of <paramref name="name"/> that satisfies <paramref name="predicate"/> (the current one, or a later one).</summary>
    public static Task<ResourceEvent> WaitForAsync(this DistributedApplication app, string name, Func<ResourceEvent, bool> predicate, TimeSpan? timeout = null) =>
        app.ResourceNotifications.WaitForResourceAsync(name, predicate).WithTimeout(timeout ?? TimeSpan.FromSeconds(60));

    public static bool IsUp(ResourceEvent e) =>
        e.Snapshot.State?.Text == KnownResourceStates.Running && e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy;

    public static int? ProcessId(ResourceEvent e) =>
        e.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } value
            ? Convert.ToInt32(value, CultureInfo.InvariantCulture)
            : null;

    public static int Restarts(ResourceEvent e) =>
        e.Snapshot.Properties.FirstOrDefault(p => p.Name == "restarts")?.Value is { } value ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : 0;

    /// <summary>Every entry of the resource's console so far (its process's output and what the AppHost logged to it).</summary>
    public static async Task<IReadOnlyList<string>> LogsAsync(this DistributedApplication app, string resource)
    {
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        var logs = app.Services.GetRequiredService<ResourceLoggerService>();
        var lines = new List<string>();
        using var cts = new CancellationTokenSource(TestTimeouts.Default);
        await foreach (var batch in logs.GetAllAsync(model.Resources.Single(r => r.Name == resource)).WithCancellation(cts.Token))
        {
            lines.AddRange(batch.Select(l => l.Content));
        }

        return lines;
    }

    /// <summary>The running resource's process id, once it is up.</summary>
    public static async Task<int> ProcessIdAsync(this DistributedApplication app, string name) =>
        ProcessId(await app.WaitForAsync(name, e => IsUp(e) && ProcessId(e) is not null))!.Value;

    public static T Resource<T>(this DistributedApplication app, string name) where T : IResource =>
        app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<T>().Single(r => r.Name == name);

    public static DynamoDBLocalResource DynamoDB(this DistributedApplication app) => app.Resource<DynamoDBLocalResource>("dynamodb");

    /// <summary>The environment a process was started with, from /proc.</summary>
    public static async Task<Dictionary<string, string>> EnvironmentOfAsync(int pid) =>
        (await File.ReadAllTextAsync($"/proc/{pid}/environ").WithTimeout())
            .Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(v => v.Split('=', 2))
            .Where(v => v.Length == 2)
            .GroupBy(v => v[0])
            .ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.Ordinal);

    public static bool IsAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
