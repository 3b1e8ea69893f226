using MyService.Hosting.ApplicationModel;
using MyService.Hosting.Orchestration;

namespace MyService.Hosting.Sqlite;

/// <summary>Nothing to run: the directory is made, and the resource is healthy while it is writable.</summary>
internal sealed class SqliteLauncher : IResourceLauncher
{
    public string ResourceType => "SQLite";

    public bool Handles(IResource resource) => resource is SqliteResource;

    public Task<LaunchPlan> PlanAsync(IResource resource, LaunchContext context, CancellationToken cancellationToken)
    {
        var sqlite = (SqliteResource)resource;
        var directory = sqlite.GetDirectory(context.Run);
        Directory.CreateDirectory(directory);
        context.Log($"Database file: {sqlite.GetDatabasePath(context.Run)}");
        return Task.FromResult(new LaunchPlan(Process: null, Health: new WritableDirectoryProbe(directory)));
    }

    private sealed class WritableDirectoryProbe(string directory) : IHealthProbe
    {
        public Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
        {
            var probe = Path.Combine(directory, ".health");
            try
            {
                File.WriteAllText(probe, "ok");
                File.Delete(probe);
                return Task.FromResult(new HealthReport(DateTimeOffset.UtcNow, HealthStatus.Healthy, $"{directory} is writable"));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return Task.FromResult(new HealthReport(DateTimeOffset.UtcNow, HealthStatus.Unhealthy, $"{directory}: {ex.Message}"));
            }
        }
    }
}
