using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using MyService.Hosting.ApplicationModel;

namespace MyService.Hosting.Orchestration;

/// <summary>
/// Runs the app model as an ordered pipeline: check the graph and values, end orphans of an earlier run, allocate
/// every port, then start all resources at once (each waits for its own dependencies). Stops in reverse order.
/// </summary>
internal sealed partial class Orchestrator(
    DistributedApplicationModel model,
    DistributedApplicationOptions options,
    IEnumerable<IResourceLauncher> launchers,
    ResourceNotificationService notifications,
    ResourceLoggerService logs,
    ProcessRegistry registry,
    IConfiguration configuration,
    IHostEnvironment environment,
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggerFactory) : IHostedService, IDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<Orchestrator>();
    private readonly Dictionary<string, ResourceController> _controllers = new(StringComparer.OrdinalIgnoreCase);
    private DependencyGraph? _graph;

    /// <summary>
    /// Before the host starts anything (the dashboard included): refuse a data directory another live AppHost uses,
    /// then end what a killed one left behind.
    /// </summary>
    public void ClaimDataDirectory()
    {
        var orphans = registry.EndOrphans();
        if (orphans > 0)
        {
            LogOrphans(_logger, orphans);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _graph = new DependencyGraph(model.Resources);
        var run = new ResourceRunContext(options, configuration);
        ValidateValues(run);

        var resolver = new EnvironmentResolver(model, run, environment);
        var ports = new PortAllocator(options);
        foreach (var resource in model.Resources)
        {
            var launcher = launchers.FirstOrDefault(l => l.Handles(resource))
                ?? throw new DistributedApplicationException($"No launcher for resource '{resource.Name}' ({resource.GetType().Name}).");
            var portError = ports.Allocate(resource);
            notifications.Publish(resource.Name, s => s, () => new ResourceSnapshot
            {
                Name = resource.Name,
                ResourceType = launcher.ResourceType,
                Urls = [.. resource.Annotations.OfType<EndpointAnnotation>().Where(e => e.AllocatedEndpoint is not null).Select(e => e.AllocatedEndpoint!.ToString())],
            });
            _controllers[resource.Name] = new ResourceController(
                resource,
                launcher,
                () => new LaunchContext(
                    run,
                    resolver,
                    line => logs.Write(resource.Name, line, isError: false),
                    message => notifications.Publish(resource.Name, s => s with { StateReason = message })),
                notifications,
                logs,
                registry,
                options,
                portError,
                _logger);
        }

        foreach (var controller in _controllers.Values)
        {
            controller.Start(lifetime.ApplicationStopping);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_graph is null)
        {
            return;
        }

        // Dependants first, so nothing loses a dependency while it is still serving.
        foreach (var resource in _graph.StartOrder.Reverse())
        {
            // Start-up may have failed before every controller existed.
            if (_controllers.TryGetValue(resource.Name, out var controller))
            {
                await controller.StopAsync();
            }
        }
    }

    public void Dispose()
    {
        foreach (var controller in _controllers.Values)
        {
            controller.Dispose();
        }
    }

    public ResourceController Controller(string name) =>
        _controllers.TryGetValue(name, out var controller)
            ? controller
            : throw new ArgumentException($"There is no resource named '{name}'.", nameof(name));

    /// <summary>A missing parameter or connection string stops start-up with the key to set, before anything runs.</summary>
    private void ValidateValues(ResourceRunContext run)
    {
        foreach (var parameter in model.Resources.OfType<ParameterResource>())
        {
            parameter.GetValue(configuration);
        }

        foreach (var connectionString in model.Resources.OfType<ConnectionStringResource>())
        {
            connectionString.GetConnectionString(run);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ended {Count} process(es) left running by an earlier AppHost run")]
    private static partial void LogOrphans(ILogger logger, int count);
}
