using MyService.Hosting.ApplicationModel;
using MyService.Hosting.Orchestration;

namespace MyService.Hosting.OpenTelemetry;

/// <summary>
/// The collector's endpoint is allocated with the others; the OTLP receiver behind it is served by the dashboard
/// (next issue). Until then exporters send to a port nothing answers, which they tolerate.
/// </summary>
internal sealed class OpenTelemetryCollectorLauncher : IResourceLauncher
{
    public string ResourceType => "OpenTelemetryCollector";

    public bool Handles(IResource resource) => resource is OpenTelemetryCollectorResource;

    public Task<LaunchPlan> PlanAsync(IResource resource, LaunchContext context, CancellationToken cancellationToken)
    {
        context.Log($"OTLP/HTTP endpoint: {resource.GetEndpoint(OpenTelemetryCollectorResource.EndpointName).AllocatedEndpoint}");
        return Task.FromResult(new LaunchPlan(Process: null));
    }
}
