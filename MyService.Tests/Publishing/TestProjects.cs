using Aspire.Hosting;

namespace MyService.Tests.Publishing;

// Projects of the test-only model. Nothing is built or started in publish mode, so the paths need not exist; they
// only have to be stable, because they end up in the published files (Dockerfile paths, the probe's assembly). The
// launch settings are given (empty), so Aspire does not look for a launchSettings.json beside a project file that is not there.

public sealed class TestWebProject : IProjectMetadata
{
    public string ProjectPath => "/src/TestApp.Web/TestApp.Web.csproj";

    public LaunchSettings LaunchSettings { get; } = new();
}

public sealed class TestWorkerProject : IProjectMetadata
{
    public string ProjectPath => "/src/TestApp.Worker/TestApp.Worker.csproj";

    public LaunchSettings LaunchSettings { get; } = new();
}
