using MyService.Hosting.ApplicationModel;
using MyService.Hosting.OpenTelemetry;

namespace MyService.Hosting;

public static class OpenTelemetryCollectorResourceBuilderExtensions
{
    /// <summary>The OTLP endpoint every project exports to, on <paramref name="port"/> (default 18890).</summary>
    public static IResourceBuilder<OpenTelemetryCollectorResource> AddOpenTelemetryCollector(
        this IDistributedApplicationBuilder builder, string name, int? port = OpenTelemetryCollectorResource.DefaultPort)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddResource(new OpenTelemetryCollectorResource(name))
            .WithAnnotation(new EndpointAnnotation(OpenTelemetryCollectorResource.EndpointName, "http", port, 4318));
    }
}
