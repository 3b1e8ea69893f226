using Microsoft.Extensions.DependencyInjection;
using MyService.Hosting.Publishing;
using MyService.Hosting.Testing;

namespace MyService.Tests.Publishing;

/// <summary>Publishes (or validates) a model in-process into a throw-away folder and keeps what it wrote and printed.</summary>
public sealed class PublishRun : IDisposable
{
    private readonly TempDirectory _directory = new();

    private PublishRun()
    {
    }

    public string OutputPath => _directory.File("deploy");

    public PublishResult Result { get; private set; } = new([], []);

    public string Output { get; private set; } = "";

    public string Problems => string.Join('\n', Result.Problems);

    /// <summary>The model's services, for validating (hand-broken) files against it.</summary>
    public PublishedServiceFactory Factory { get; private set; } = null!;

    public PublishedService Expected(string service) => Factory.Create(Factory.Projects.Single(p => p.Name == service), null);

    /// <summary>Validates <paramref name="text"/> as if it were the file at <paramref name="relative"/> in the output folder.</summary>
    public IReadOnlyList<MyService.Hosting.Publishing.Validation.ValidationProblem> Validate(string relative, string text) =>
        new DeploymentValidator(Factory).ValidateFile(PathOf(relative), text, null);

    public static readonly string[] AllFiles = ["ecs/{0}.service.json", "ecs/{0}.task-definition.json", "fsd/{0}.yml"];

    /// <summary>A test-only model: application name <c>testapp</c>, repository root <c>/src</c>.</summary>
    public static async Task<PublishRun> ModelAsync(Action<IDistributedApplicationBuilder> model, PublishVerb verb = PublishVerb.Publish, string? environment = null, params string[] files)
    {
        var run = new PublishRun();
        var options = new DistributedApplicationOptions
        {
            AppHostDirectory = run._directory.Path,
            DataDirectory = run._directory.File("data"),
            Publishing = new PublishingOptions
            {
                Verb = verb,
                OutputPath = run.OutputPath,
                Environment = environment,
                Files = files,
                ApplicationName = "testapp",
                RepositoryRoot = "/src",
            },
        };
        var builder = DistributedApplication.CreateBuilder(options);
        model(builder);
        await run.RunAsync(builder.Build());
        return run;
    }

    /// <summary>The AppHost's own model (its Program), with the given verb and options.</summary>
    public static async Task<PublishRun> AppHostAsync(params string[] args)
    {
        var run = new PublishRun();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.MyService_AppHost>(
            [.. args.Select(a => a.Replace("{out}", run.OutputPath, StringComparison.Ordinal))]).WithTimeout(TimeSpan.FromSeconds(60));
        await run.RunAsync(await builder.BuildAsync().WithTimeout());
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

    private async Task RunAsync(DistributedApplication app)
    {
        await using (app)
        {
            Factory = app.Services.GetRequiredService<PublishedServiceFactory>();
            var output = new StringWriter();
            var publisher = ActivatorUtilities.CreateInstance<DeploymentPublisher>(app.Services, output);
            Result = await publisher.RunAsync().WithTimeout();
            Output = output.ToString();
        }
    }

    public void Dispose() => _directory.Dispose();
}
