extern alias AppHost;

using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using MyService.Hosting.Publishing;
using MyService.Hosting.Publishing.Model;
using MyService.Hosting.Publishing.Steps;
using MyService.Hosting.Publishing.Validation;

namespace MyService.Tests.Publishing;

/// <summary>
/// Runs a model's publish pipeline in-process, as <c>--operation publish --step STEP --output-path DIR</c> does, with
/// Aspire's own builder in publish mode (nothing starts: no DCP, no Docker), and keeps what it wrote and logged.
/// </summary>
internal sealed class PublishRun : IDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(90);

    private readonly TestSupport.TempDirectory _directory = new();
    private PublishedServiceFactory? _factory;

    private PublishRun()
    {
    }

    public string OutputPath => _directory.File("deploy");

    /// <summary>Every log line of the run: the steps' report (files, problems, the verdict) and the pipeline's.</summary>
    public string Output { get; private set; } = "";

    /// <summary>The pipeline failed: what makes the AppHost process exit non-zero.</summary>
    public bool Failed { get; private set; }

    /// <summary>The model's services, for validating (hand-broken) files against it; only a model that publishes has them.</summary>
    public PublishedServiceFactory Factory => _factory ?? throw new InvalidOperationException($"The run failed, so it has no services:\n{Output}");

    public PublishedService Expected(string service) => Factory.Create(Factory.Projects.Single(p => p.Name == service), null);

    /// <summary>Validates <paramref name="text"/> as if it were the file at <paramref name="relative"/> in the output folder.</summary>
    public IReadOnlyList<ValidationProblem> Validate(string relative, string text) =>
        new DeploymentValidator(Factory).ValidateFile(PathOf(relative), text, null);

    /// <summary>A test-only model in an ECS environment with application name <c>testapp</c>, repository root <c>/src</c> and AppHost <c>/src/TestApp.AppHost</c>.</summary>
    /// <param name="folder">What <c>--output-path</c> names; default this run's own output folder.</param>
    public static async Task<PublishRun> ModelAsync(Action<IDistributedApplicationBuilder> model, string step = "publish", string? environment = null, string? folder = null)
    {
        var run = new PublishRun();
        // Aspire's own builder, as an AppHost's Program makes it. The test assembly stands in for the AppHost
        // assembly, which the testing builder would insist on finding (it looks for DCP's metadata).
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Args = run.Arguments(step, environment, folder),
            AssemblyName = typeof(PublishRun).Assembly.GetName().Name,
        });
        builder.AddEcsEnvironment("ecs").WithProperties(e =>
        {
            e.ApplicationName = "testapp";
            e.RepositoryRoot = "/src";
            e.AppHostDirectory = "/src/TestApp.AppHost";
        });
        model(builder);
        await run.RunAsync(builder, () => Task.FromResult(builder.Build()));
        return run;
    }

    /// <summary>The AppHost's own model (MyService.AppHost/AppHost.cs).</summary>
    /// <param name="settings">More command-line configuration, e.g. <c>--ConnectionStrings:dynamodb=...</c>.</param>
    public static async Task<PublishRun> AppHostAsync(string step = "publish", string? folder = null, params string[] settings)
    {
        var run = new PublishRun();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<AppHost::Projects.MyService_AppHost>([.. run.Arguments(step, null, folder), .. settings])
            .WithTimeout(RunTimeout);
        await run.RunAsync(builder);
        return run;
    }

    public string Read(string relative) => File.ReadAllText(Path.Combine(OutputPath, relative));

    public void Write(string relative, string content)
    {
        var path = Path.Combine(OutputPath, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public string PathOf(string relative) => Path.Combine(OutputPath, relative);

    public void Dispose() => _directory.Dispose();

    private string[] Arguments(string step, string? environment, string? folder) =>
        ["--operation", "publish", "--step", step, "--output-path", folder ?? OutputPath, .. environment is null ? Array.Empty<string>() : ["--environment", environment]];

    private Task RunAsync(IDistributedApplicationTestingBuilder builder) => RunAsync(builder, () => builder.BuildAsync());

    private async Task RunAsync(IDistributedApplicationBuilder builder, Func<Task<DistributedApplication>> build)
    {
        var logs = new FakeLogCollector();
        builder.Services.AddSingleton<ILoggerProvider>(new FakeLoggerProvider(logs));
        // The report is read from the capture; the console would only fill the test log.
        builder.Configuration["Logging:Console:LogLevel:Default"] = "None";
        await using var app = await build().WithTimeout(RunTimeout);
        // Resolved before the run: once the pipeline has stopped the app, its services are gone.
        var services = app.Services;
        var hosted = services.GetServices<IHostedService>().ToList();
        var model = services.GetRequiredService<DistributedApplicationModel>();
        var executionContext = services.GetRequiredService<DistributedApplicationExecutionContext>();
        var contentRoot = services.GetRequiredService<IHostEnvironment>().ContentRootPath;

        // Publish mode: the pipeline runs once and stops the app, successful or not.
        await app.RunAsync().WithTimeout(RunTimeout);
        Output = string.Join('\n', logs.GetSnapshot().Select(r => $"{r.Level}: {r.Message}"));
        Failed = CleanStopBuilderExtensions.HasFailed(hosted);
        if (!Failed)
        {
            _factory = await PublishedServiceFactory.CreateAsync(model.Resources.OfType<EcsEnvironmentResource>().Single(), model, executionContext, contentRoot, CancellationToken.None)
                .WithTimeout();
        }
    }
}
