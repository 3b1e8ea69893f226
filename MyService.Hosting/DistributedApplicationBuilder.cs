using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MyService.Hosting.ApplicationModel;
using MyService.Hosting.Orchestration;
using MyService.Hosting.Testing;

namespace MyService.Hosting;

/// <summary>Collects the app model over a generic host builder (configuration, services, logging as usual).</summary>
public sealed class DistributedApplicationBuilder : IDistributedApplicationBuilder
{
    private readonly HostApplicationBuilder _host;
    private readonly List<IResource> _resources = [];

    public DistributedApplicationBuilder(DistributedApplicationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Publishing is null && Publishing.PublishCommandLine.TryParse(options.Args, out var publishing, out var hostArgs))
        {
            options.Publishing = publishing;
            options.Args = hostArgs;
        }

        Options = options;
        ExecutionContext = new(options.Publishing is null ? DistributedApplicationOperation.Run : DistributedApplicationOperation.Publish);
        _host = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = options.Args,
            ContentRootPath = options.AppHostDirectory,
            ApplicationName = Assembly.GetEntryAssembly()?.GetName().Name,
            // Like Aspire's launch profile: the local system runs as Development unless told otherwise.
            EnvironmentName = System.Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
                ?? System.Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environments.Development,
        });
        var configured = _host.Configuration["AppHost:DataDirectory"];
        if (string.IsNullOrEmpty(options.DataDirectory))
        {
            options.DataDirectory = Path.GetFullPath(configured ?? ".data", options.AppHostDirectory);
        }

        _host.Services.AddSingleton(options);
        _host.Services.AddSingleton(ExecutionContext);
        _host.Services.AddHostingEngine();
    }

    public DistributedApplicationOptions Options { get; }

    public ConfigurationManager Configuration => _host.Configuration;

    public IHostEnvironment Environment => _host.Environment;

    public IServiceCollection Services => _host.Services;

    public string AppHostDirectory => Options.AppHostDirectory;

    public DistributedApplicationExecutionContext ExecutionContext { get; }

    public IReadOnlyList<IResource> Resources => _resources;

    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (_resources.Any(r => string.Equals(r.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DistributedApplicationException($"Cannot add resource '{resource.Name}': a resource with that name already exists.");
        }

        _resources.Add(resource);
        return CreateResourceBuilder(resource);
    }

    public IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource => new ResourceBuilder<T>(this, resource);

    public DistributedApplication Build()
    {
        // Under the testing builder the AppHost's own Program stops here and hands its model to the test.
        if (TestingHook.Current is { } hook)
        {
            hook.Capture(this);
        }

        return BuildCore();
    }

    internal DistributedApplication BuildCore()
    {
        _host.Services.AddSingleton(new DistributedApplicationModel(_resources));
        return new DistributedApplication(_host.Build());
    }
}

public sealed class DistributedApplicationException(string message, Exception? inner = null) : Exception(message, inner);
