using MyService.Hosting.ApplicationModel;
using MyService.Hosting.Dashboard.Otlp;
using MyService.Hosting.Orchestration;

namespace MyService.Hosting.OpenTelemetry;

/// <summary>
/// Locally the collector is the AppHost's own OTLP/HTTP receiver (DESIGN §7): started in-process on the
/// collector's endpoint, feeding the dashboard's stores and, when configured, an upstream collector.
/// </summary>
internal sealed class OpenTelemetryCollectorLauncher(OtlpReceiver receiver) : IResourceLauncher
{
    public string ResourceType => "OpenTelemetryCollector";

    public bool Handles(IResource resource) => resource is OpenTelemetryCollectorResource;

    public Task<LaunchPlan> PlanAsync(IResource resource, LaunchContext context, CancellationToken cancellationToken)
    {
        var collector = (OpenTelemetryCollectorResource)resource;
        var endpoint = collector.GetEndpoint(OpenTelemetryCollectorResource.EndpointName).AllocatedEndpoint!;
        context.Log($"OTLP/HTTP receiver on {endpoint} (protobuf; header {OpenTelemetryCollectorResource.ApiKeyHeader} required)");
        return Task.FromResult(new LaunchPlan(
            Process: null,
            StartInProcess: async ct => await receiver.StartAsync(endpoint.Port, collector.GetApiKey(context.Run), ct)));
    }
}
