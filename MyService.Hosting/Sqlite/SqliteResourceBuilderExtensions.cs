using MyService.Hosting.ApplicationModel;
using MyService.Hosting.Sqlite;

namespace MyService.Hosting;

public static class SqliteResourceBuilderExtensions
{
    /// <summary>A SQLite database; referencing it injects <c>ConnectionStrings__{name}=Data Source=/abs/path</c>.</summary>
    public static IResourceBuilder<SqliteResource> AddSqlite(this IDistributedApplicationBuilder builder, string name, string? databaseFileName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddResource(new SqliteResource(name, databaseFileName ?? $"{name}.db"));
    }

    /// <summary>Keeps the file under <c>.data/{name}/</c> beside the AppHost, across AppHost runs.</summary>
    public static IResourceBuilder<SqliteResource> WithDataVolume(this IResourceBuilder<SqliteResource> builder, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(new DataVolumeAnnotation(name));
    }
}
