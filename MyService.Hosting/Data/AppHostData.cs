using Microsoft.Extensions.Configuration;

namespace MyService.Hosting.Data;

/// <summary>
/// Where the local resources keep their data: <c>.data/</c> beside the AppHost project (git-ignored), or
/// <c>AppHost:DataDirectory</c> when configured (the tests point it at a throw-away folder).
/// </summary>
public static class AppHostData
{
    public const string DirectoryKey = "AppHost:DataDirectory";

    public static string Directory(IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Configuration[DirectoryKey] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, builder.AppHostDirectory)
            : Path.Combine(builder.AppHostDirectory, ".data");
    }

    /// <summary>A resource's own folder: <c>.data/{name}/</c>.</summary>
    public static string For(IDistributedApplicationBuilder builder, string resourceName) => Path.Combine(Directory(builder), resourceName);

    /// <summary>
    /// A folder for one run of the AppHost, removed when it stops: a resource without <c>WithDataVolume()</c> starts
    /// empty every time, as a container without a volume does.
    /// </summary>
    public static string ForRun(IDistributedApplicationBuilder builder, string resourceName) =>
        Path.Combine(Directory(builder), ".runs", $"{resourceName}-{Guid.NewGuid():N}");
}
