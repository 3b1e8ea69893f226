using MyService.Hosting;
using MyService.Hosting.Orchestration;

namespace MyService.Tests.Hosting;

/// <summary>Bounded waits on resource state: readiness is awaited through snapshots, never by sleeping.</summary>
public static class AppWaits
{
    public static async Task<ResourceSnapshot> WaitForAsync(this DistributedApplication app, string resource, Func<ResourceSnapshot, bool> predicate, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TestSupport.TestTimeouts.Default);
        try
        {
            return await app.ResourceNotifications.WaitForResourceAsync(resource, predicate, cts.Token);
        }
        catch (OperationCanceledException)
        {
            var current = app.ResourceNotifications.Get(resource);
            throw new TimeoutException($"'{resource}' did not reach the expected state; it is {current?.State} ({current?.Health}): {current?.StateReason}");
        }
    }

    public static Task<ResourceSnapshot> WaitForStateAsync(this DistributedApplication app, string resource, string state) =>
        app.WaitForAsync(resource, s => s.State == state);

    public static async Task<ResourceSnapshot> WaitForHealthyAsync(this DistributedApplication app, string resource)
    {
        var snapshot = await app.WaitForAsync(resource, s => s.IsUp || KnownResourceStates.IsTerminal(s.State));
        Assert.True(snapshot.IsUp, $"'{resource}' is {snapshot.State}: {snapshot.StateReason}");
        return snapshot;
    }

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

    /// <summary>Field 22 of /proc/{pid}/stat (start time in ticks since boot), as the AppHost's process registry keeps it.</summary>
    public static string StartTicks(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19];
    }
}
