using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using MyService.Hosting.Data;
using MyService.Hosting.Publishing;
using MyService.Hosting.Sqlite;

namespace MyService.Hosting;

public static partial class SqliteResourceBuilderExtensions
{
    /// <summary>
    /// A SQLite database file (<paramref name="databaseFileName"/>, default <c>{name}.db</c>). Nothing runs: the
    /// folder is created, the resource turns Running with the file's path, and Healthy once the file opens.
    /// </summary>
    public static IResourceBuilder<SqliteResource> AddSqlite(this IDistributedApplicationBuilder builder, string name, string? databaseFileName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var resource = new SqliteResource(name, databaseFileName ?? $"{name}.db", AppHostData.ForRun(builder, name));
        var healthCheckKey = $"{name}_sqlite_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthCheckKey, _ => new SqliteHealthCheck(resource), failureStatus: default, tags: default));

        return builder.AddResource(resource)
            .WithHealthCheck(healthCheckKey)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "SQLite",
                State = KnownResourceStates.NotStarted,
                Properties = [],
            })
            .OnInitializeResource(StartAsync)
            .WithAnnotation(new EcsDeploymentAnnotation(context => SqliteDeployment.Apply(resource, context)))
            .ExcludeFromManifest();
    }

    /// <summary>Keeps the file under <c>.data/{name}/</c> beside the AppHost (git-ignored), across AppHost runs.</summary>
    public static IResourceBuilder<SqliteResource> WithDataVolume(this IResourceBuilder<SqliteResource> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Resource.DatabaseDirectory = AppHostData.For(builder.ApplicationBuilder, builder.Resource.Name);
        builder.Resource.HasDataVolume = true;
        return builder;
    }

    private static async Task StartAsync(SqliteResource resource, InitializeResourceEvent @event, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(resource.DatabaseDirectory);
        if (!resource.HasDataVolume)
        {
            // A throw-away database: its folder goes when the AppHost stops.
            @event.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(() => TryDelete(resource.DatabaseDirectory));
        }

        var path = resource.DatabasePath;
        LogDatabaseFile(@event.Logger, path);
        await @event.Eventing.PublishAsync(new ConnectionStringAvailableEvent(resource, @event.Services), cancellationToken);
        await @event.Eventing.PublishAsync(new BeforeResourceStartedEvent(resource, @event.Services), cancellationToken);
        await @event.Notifications.PublishUpdateAsync(resource, s => s with
        {
            State = KnownResourceStates.Running,
            StartTimeStamp = DateTime.UtcNow,
            // Source: the dashboard's Source column shows the file.
            Properties = [.. s.Properties, new(CustomResourceKnownProperties.Source, resource.DatabasePath), new("sqlite.path", resource.DatabasePath), new("sqlite.persistent", resource.HasDataVolume)],
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database file: {Path}")]
    private static partial void LogDatabaseFile(ILogger logger, string path);

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Still open somewhere (a service that has not exited yet): left for the user to remove.
        }
        catch (UnauthorizedAccessException)
        {
            // Not ours to remove (permissions changed under it): left, as above.
        }
    }
}
