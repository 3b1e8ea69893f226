using MyService.Hosting.ApplicationModel;

namespace MyService.Hosting.Sqlite;

/// <summary>A SQLite database file. With a data volume it lives under the persistent data directory and survives restarts.</summary>
public sealed class SqliteResource(string name, string databaseFileName) : Resource(name), IResourceWithConnectionString, IResourceWithWaitSupport
{
    public string DatabaseFileName { get; } = databaseFileName;

    public bool HasDataVolume => Annotations.OfType<DataVolumeAnnotation>().Any();

    /// <summary>.data/{name}/ with a data volume (or the test's throw-away directory); otherwise a directory per AppHost run.</summary>
    public string GetDirectory(ResourceRunContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return HasDataVolume || context.Options.EphemeralData
            ? context.DataDirectoryFor(this)
            : Path.Combine(context.Options.DataDirectory, ".runs", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), Name);
    }

    public string GetDatabasePath(ResourceRunContext context) => Path.Combine(GetDirectory(context), DatabaseFileName);

    public string? GetConnectionString(ResourceRunContext context) => $"Data Source={GetDatabasePath(context)}";
}
