using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MyService.Tests.Integrations;

/// <summary><c>AddSqlite</c> through the real Aspire model: states, health, where the file lives, what a consumer gets.</summary>
[Collection(IntegrationApp.FirstCollection)]
public sealed class SqliteIntegrationTests
{
    [Fact]
    public async Task WithDataVolume_RunsHealthyWithItsPath_AndTheFileStaysUnderTheDataDirectory()
    {
        await using var app = IntegrationApp.Create();
        app.Builder.AddSqlite("db", "app.db").WithDataVolume();
        await app.StartAsync();

        var running = await app.WaitForStateAsync("db", KnownResourceStates.Running);
        await app.WaitForHealthyAsync("db");

        var expected = Path.Combine(app.DataDirectory, "db", "app.db");
        Assert.Equal(expected, IntegrationApp.Property(running, "sqlite.path"));
        Assert.True(File.Exists(expected), "the health check opens the file read-write, creating it");
        await app.StopAsync();
        Assert.True(File.Exists(expected), "a data volume outlives the run");
    }

    [Fact]
    public async Task WithoutDataVolume_TheFileIsInAPerRunFolder_GoneOnceTheAppStops()
    {
        await using var app = IntegrationApp.Create();
        app.Builder.AddSqlite("db");
        await app.StartAsync();

        var running = await app.WaitForStateAsync("db", KnownResourceStates.Running);
        await app.WaitForHealthyAsync("db");

        var path = Assert.IsType<string>(IntegrationApp.Property(running, "sqlite.path"));
        var runFolder = Path.GetDirectoryName(path)!;
        Assert.Equal(Path.Combine(app.DataDirectory, ".runs"), Path.GetDirectoryName(runFolder));
        Assert.StartsWith("db-", Path.GetFileName(runFolder), StringComparison.Ordinal);
        Assert.Equal("db.db", Path.GetFileName(path));
        Assert.True(File.Exists(path));

        await app.StopAsync();
        Assert.False(Directory.Exists(runFolder), $"{runFolder} is left after the app stopped");
    }

    [Fact]
    public async Task WaitingDependant_StartsOnlyOnceTheFileOpens_AndGetsTheConnectionString()
    {
        await using var app = IntegrationApp.Create();
        var db = app.Builder.AddSqlite("db", "app.db").WithDataVolume();
        app.AddProcess("probe").WithReference(db).WaitFor(db);
        // A folder where the database file should be: the file cannot open, so the resource runs unhealthy.
        var path = Path.Combine(app.DataDirectory, "db", "app.db");
        Directory.CreateDirectory(path);
        var starting = await app.BeginStartAsync();

        await app.WaitForAsync("db", e => e.Snapshot.State?.Text == KnownResourceStates.Running && e.Snapshot.HealthStatus == HealthStatus.Unhealthy, "Running and unhealthy");
        await app.WaitForStateAsync("probe", KnownResourceStates.Waiting);
        Assert.Equal(HealthStatus.Unhealthy, (await app.CurrentAsync("db")).Snapshot.HealthStatus);

        Directory.Delete(path);
        var probe = await app.WaitForStateAsync("probe", KnownResourceStates.Running);
        Assert.Equal(HealthStatus.Healthy, (await app.CurrentAsync("db")).Snapshot.HealthStatus);

        var environment = IntegrationApp.EnvironmentOf(IntegrationApp.Pid(probe) ?? throw new InvalidOperationException("probe has no pid"));
        Assert.Equal($"Data Source={path}", environment["ConnectionStrings__db"]);
        await starting;
    }
}
