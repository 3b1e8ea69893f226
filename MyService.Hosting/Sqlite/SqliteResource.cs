namespace MyService.Hosting.Sqlite;

/// <summary>
/// A SQLite database file on this machine. Referencing it injects <c>ConnectionStrings__{name}=Data Source={path}</c>;
/// with a data volume the file lives under <c>.data/{name}/</c> and survives restarts of the AppHost.
/// </summary>
public sealed class SqliteResource(string name, string databaseFileName, string databaseDirectory)
    : Resource(name), IResourceWithConnectionString, IResourceWithWaitSupport
{
    public string DatabaseFileName { get; } = databaseFileName;

    /// <summary>The folder of the file: a per-run folder, or <c>.data/{name}/</c> after <c>WithDataVolume()</c>.</summary>
    public string DatabaseDirectory { get; internal set; } = databaseDirectory;

    /// <summary>Set by <c>WithDataVolume()</c>: the data outlives the run (published as an EFS volume).</summary>
    public bool HasDataVolume { get; internal set; }

    public string DatabasePath => Path.Combine(DatabaseDirectory, DatabaseFileName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"Data Source={DatabasePath}");
}
