using System.Diagnostics;
using System.Reflection;
using MyService.Hosting.Publishing;

namespace MyService.Tests.Publishing;

/// <summary>
/// The real AppHost as a process, as a person or CI runs it (<c>dotnet run --project MyService.AppHost -- --operation
/// publish ...</c>): the exit code is what CI sees, so a step with an error must make it non-zero.
/// </summary>
public sealed class PublishProcessTests
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Validate_step_on_a_hand_broken_folder_exits_non_zero_with_file_line_field_and_fix()
    {
        using var folder = new TempDirectory();
        FolderComparison.Copy(Path.Combine(TestSupport.RepositoryRoot.Path, "deploy"), folder.Path);
        var api = Path.Combine(folder.Path, "fsd", "api.yml");
        await File.WriteAllTextAsync(api, (await File.ReadAllTextAsync(api)).Replace("retention: 30", "retention: 31", StringComparison.Ordinal));

        var (exitCode, output) = await RunAppHostAsync("--operation", "publish", "--step", EcsEnvironmentResource.ValidateStepName, "--output-path", folder.Path);

        Assert.True(exitCode != 0, output);
        Assert.Contains($"error: {api}:", output, StringComparison.Ordinal);
        Assert.Contains("service.observability.logs.retention: 31 is not a CloudWatch Logs retention. Fix: use one of", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_step_exits_zero_and_writes_what_is_committed()
    {
        using var folder = new TempDirectory();

        var (exitCode, output) = await RunAppHostAsync("--operation", "publish", "--step", "publish", "--output-path", folder.Path);

        Assert.True(exitCode == 0, output);
        Assert.Empty(FolderComparison.Differences(Path.Combine(TestSupport.RepositoryRoot.Path, "deploy"), folder.Path));
    }

    /// <summary>The AppHost the tests were built with (<c>--no-build</c>, same configuration), its output and exit code.</summary>
    private static async Task<(int ExitCode, string Output)> RunAppHostAsync(params string[] arguments)
    {
        var configuration = typeof(PublishProcessTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = TestSupport.RepositoryRoot.Path };
        foreach (var argument in new[] { "run", "--project", "MyService.AppHost", "--no-build", "--configuration", configuration, "--" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        return await ChildProcess.RunAsync(start, ProcessTimeout);
    }
}
