using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MyService.Hosting.OpenTelemetry;

namespace MyService.Hosting;

public static class OpenTelemetryCollectorResourceBuilderExtensions
{
    /// <summary>
    /// The local collector (an OTLP/HTTP receiver in the AppHost, on loopback, key required). It forwards to the Aspire
    /// dashboard, and to <c>Collector:Upstream:Endpoint</c> (headers <c>Collector:Upstream:Headers</c>, "k=v,k2=v2") when set.
    /// </summary>
    public static IResourceBuilder<OpenTelemetryCollectorResource> AddOpenTelemetryCollector(this IDistributedApplicationBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var resource = new OpenTelemetryCollectorResource(name);
        var configuration = builder.Configuration;
        if (configuration.GetValue<int?>("Collector:Port") is { } port)
        {
            resource.Port = port;
        }

        if (configuration["Collector:Upstream:Endpoint"] is { Length: > 0 } upstream)
        {
            resource.UpstreamEndpoint = new Uri(upstream.TrimEnd('/') + "/");
            foreach (var header in (configuration["Collector:Upstream:Headers"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = header.Split('=', 2, StringSplitOptions.TrimEntries);
                if (parts.Length == 2)
                {
                    resource.UpstreamHeaders[parts[0]] = parts[1];
                }
            }
        }

        CollectorDeployment.DeclareFor(builder);
        var healthCheckKey = $"{name}_collector_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthCheckKey, _ => new CollectorHealthCheck(resource), failureStatus: default, tags: default));
        return builder.AddResource(resource)
            .WithHealthCheck(healthCheckKey)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "OpenTelemetryCollector",
                State = KnownResourceStates.NotStarted,
                Properties = [],
            })
            .OnInitializeResource(CollectorLifecycle.StartAsync)
            .ExcludeFromManifest();
    }

    /// <summary>
    /// Every resource that exports OTLP (each project) sends to this collector instead of straight to the dashboard.
    /// If the collector cannot start, they keep Aspire's default and export to the dashboard directly.
    /// </summary>
    public static IResourceBuilder<OpenTelemetryCollectorResource> WithAppForwarding(this IResourceBuilder<OpenTelemetryCollectorResource> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var collector = builder.Resource;
        builder.ApplicationBuilder.Eventing.Subscribe<BeforeStartEvent>((e, _) =>
        {
            foreach (var resource in e.Model.Resources.OfType<IResourceWithEnvironment>().Where(r => r.HasAnnotationOfType<OtlpExporterAnnotation>()))
            {
                resource.Annotations.Add(new EnvironmentCallbackAnnotation(context => CollectorLifecycle.PointAtCollectorAsync(collector, context)));
                resource.Annotations.Add(new ResourceRelationshipAnnotation(collector, "Telemetry"));
            }

            return Task.CompletedTask;
        });
        return builder;
    }
}
