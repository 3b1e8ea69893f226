using System.Security.Cryptography;
using MyService.Hosting.ApplicationModel;

namespace MyService.Hosting.OpenTelemetry;

/// <summary>
/// The OTLP/HTTP endpoint services export to (DESIGN §7). Locally the dashboard serves it; published, it becomes
/// the ADOT sidecar. Projects get the OTEL_* variables of DESIGN §5 pointing here.
/// </summary>
public sealed class OpenTelemetryCollectorResource(string name) : Resource(name), IResourceWithEndpoints, IResourceWithWaitSupport
{
    public const string EndpointName = "otlp";
    public const int DefaultPort = 18890;
    public const string ApiKeyHeader = "x-otlp-api-key";

    private string? _apiKey;

    /// <summary>The key exporters must send; configuration <c>AppHost:OtlpApiKey</c>, else a new random one per run.</summary>
    public string GetApiKey(ResourceRunContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _apiKey ??= context.Configuration["AppHost:OtlpApiKey"] ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
    }

    public void AddServiceEnvironment(IResource service, ResourceRunContext context, IDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(environment);
        if (this.GetEndpoint(EndpointName).AllocatedEndpoint is { } endpoint)
        {
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint.ToString();
            environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
            environment["OTEL_EXPORTER_OTLP_HEADERS"] = $"{ApiKeyHeader}={GetApiKey(context)}";
        }

        environment["OTEL_SERVICE_NAME"] = service.Name;
        environment["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        // Local runs want telemetry on the dashboard within a second, and every trace.
        environment["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
        environment["OTEL_BLRP_SCHEDULE_DELAY"] = "1000";
        environment["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
        environment["OTEL_TRACES_SAMPLER"] = "always_on";
    }
}
