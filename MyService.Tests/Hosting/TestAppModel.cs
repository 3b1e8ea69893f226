using Microsoft.Extensions.DependencyInjection;
using MyService.Hosting;
using MyService.Hosting.ApplicationModel;
using MyService.Tests.TestSupport;

namespace MyService.Tests.Hosting;

/// <summary>An app model for orchestrator tests: random ports, a throw-away data directory, short grace and backoff.</summary>
public sealed class TestAppModel : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();
    private DistributedApplication? _app;

    public TestAppModel(Action<DistributedApplicationOptions>? configure = null)
    {
        Options = new DistributedApplicationOptions
        {
            AppHostDirectory = _directory.Path,
            DataDirectory = _directory.File("data"),
            RandomizePorts = true,
            EphemeralData = true,
            StopGracePeriod = TimeSpan.FromSeconds(2),
            RestartPolicy = new RestartPolicy { InitialDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(200), MaxFastCrashes = 3 },
        };
        configure?.Invoke(Options);
        Builder = DistributedApplication.CreateBuilder(Options);
        Builder.Services.AddSingleton<TextWriter>(TextWriter.Null);
    }

    public DistributedApplicationOptions Options { get; }

    public IDistributedApplicationBuilder Builder { get; }

    public DistributedApplication App => _app ?? throw new InvalidOperationException("Call StartAsync first.");

    public static string ServerScript => Path.Combine(AppContext.BaseDirectory, "Hosting", "Assets", "server.js");

    /// <summary>The Node test server with a health check, its port in PORT.</summary>
    public IResourceBuilder<ExecutableResource> AddServer(string name, params (string Name, string Value)[] environment)
    {
        var server = Builder.AddExecutable(name, "node", _directory.Path, ServerScript)
            .WithHttpEndpoint(env: "PORT")
            .WithHttpHealthCheck("/health")
            .WithEnvironment("NAME", name);
        foreach (var (variable, value) in environment)
        {
            server.WithEnvironment(variable, value);
        }

        return server;
    }

    public IResourceBuilder<ExecutableResource> AddShell(string name, string script) =>
        Builder.AddExecutable(name, "bash", _directory.Path, "-c", script);

    public async Task<DistributedApplication> StartAsync()
    {
        _app = Builder.Build();
        await _app.StartAsync().WithTimeout();
        return _app;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().WithTimeout(TimeSpan.FromSeconds(60));
            await _app.DisposeAsync();
        }

        _directory.Dispose();
    }
}
