using System.Reflection;
using System.Runtime.Versioning;

namespace MyService.Hosting.Projects;

/// <summary>
/// Where a project's built program is: <c>{project}/bin/{configuration}/{tfm}/{name}</c>, with the configuration and
/// target framework the AppHost itself was built with (the SDK builds referenced projects the same way).
/// </summary>
internal static class BuildOutput
{
    /// <summary>The native launcher the SDK writes beside the dll (UseAppHost), or null when it is not there.</summary>
    public static string? FindProgram(IProjectMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        // The Projects.X metadata class is compiled into the AppHost, so its assembly carries the AppHost's build settings.
        var appHost = metadata.GetType().Assembly;
        var configuration = appHost.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration;
        var framework = TargetFrameworkMoniker(appHost.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName);
        if (configuration is null || framework is null)
        {
            return null;
        }

        var name = Path.GetFileNameWithoutExtension(metadata.ProjectPath);
        var program = Path.Combine(Path.GetDirectoryName(metadata.ProjectPath)!, "bin", configuration, framework, OperatingSystem.IsWindows() ? name + ".exe" : name);
        return File.Exists(program) ? program : null;
    }

    /// <summary>
    /// The .NET installation the AppHost runs on: the folder above <c>shared/Microsoft.NETCore.App/{version}/</c>,
    /// which holds the <c>dotnet</c> host the launchers look for.
    /// </summary>
    public static string? RuntimeRoot()
    {
        var runtime = new DirectoryInfo(Path.TrimEndingDirectorySeparator(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory()));
        var root = runtime.Parent?.Parent?.Parent;
        return root is not null && File.Exists(Path.Combine(root.FullName, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet")) ? root.FullName : null;
    }

    /// <summary>".NETCoreApp,Version=v10.0" -> "net10.0".</summary>
    private static string? TargetFrameworkMoniker(string? frameworkName) =>
        frameworkName?.Split(",Version=v") is [".NETCoreApp", var version] ? $"net{version}" : null;
}
