using System.Diagnostics;
using System.Reflection;
using MyService.Tests.Publishing;

namespace MyService.Tests.TestSupport;

/// <summary>A service's built program run by hand, as a person would without the AppHost: its exit code and output.</summary>
internal static class BuiltService
{
    /// <summary>
    /// Runs <c>dotnet {project}.dll</c> from its build output (the tests' configuration) in an empty folder, with no
    /// AWS variables and a home without <c>~/.aws</c>, so nothing gives the SDK a region, plus <paramref name="settings"/>.
    /// </summary>
    public static async Task<(int ExitCode, string[] Lines)> RunWithoutAwsAsync(string project, params (string Name, string Value)[] settings)
    {
        var configuration = typeof(BuiltService).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        using var home = new TempDirectory();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = home.Path,
            ArgumentList = { Path.Combine(RepositoryRoot.Path, project, "bin", configuration, "net10.0", $"{project}.dll") },
        };
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["HOME"] = home.Path;
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        var (exitCode, output) = await ChildProcess.RunAsync(start, TimeSpan.FromMinutes(1));
        return (exitCode, output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
