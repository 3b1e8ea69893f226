using MyService.Hosting.ApplicationModel;

namespace MyService.Tests.Publishing;

// Projects of the test-only model. Nothing is built or started in publish mode, so the paths need not exist; they
// only have to be stable, because they end up in the published files (Dockerfile paths, the probe's assembly).

public sealed class TestWebProject : IProjectMetadata
{
    public string ProjectPath => "/src/TestApp.Web/TestApp.Web.csproj";

    public string TargetPath => "/src/TestApp.Web/bin/TestApp.Web.dll";
}

public sealed class TestWorkerProject : IProjectMetadata
{
    public string ProjectPath => "/src/TestApp.Worker/TestApp.Worker.csproj";

    public string TargetPath => "/src/TestApp.Worker/bin/TestApp.Worker.dll";
}
