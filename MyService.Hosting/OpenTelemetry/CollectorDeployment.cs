using MyService.Hosting.Publishing;
using MyService.Hosting.Publishing.Model;

namespace MyService.Hosting.OpenTelemetry;

/// <summary>
/// What the collector is on ECS: the ADOT sidecar in every task of a service that exports OTLP, reached on localhost
/// (awsvpc: one network namespace per task), with the service's OTLP settings pointing at it.
/// </summary>
internal static class CollectorDeployment
{
    // The one loopback URL validation allows (DeploymentDefaults.SidecarOtlpEndpoint).
    public const string OtlpEndpoint = DeploymentDefaults.SidecarOtlpEndpoint;

    // The ADOT image's ECS default configuration: OTLP in on 4317/4318, traces to X-Ray, metrics to CloudWatch.
    // The image is pinned, so the same model publishes the same task definition.
    private static readonly DeployedSidecar Sidecar = new(
        "aws-otel-collector", "public.ecr.aws/aws-observability/aws-otel-collector:v0.43.3", ["--config=/etc/ecs/ecs-default-config.yaml"], ["CMD", "/healthcheck"], OtlpEndpoint);

    /// <summary>In publish mode, once the model is complete, every resource that exports OTLP gets the sidecar.</summary>
    public static void DeclareFor(IDistributedApplicationBuilder builder)
    {
        if (!builder.ExecutionContext.IsPublishMode)
        {
            return;
        }

        builder.Eventing.Subscribe<BeforeStartEvent>((e, _) =>
        {
            foreach (var resource in e.Model.Resources.Where(r => r.HasAnnotationOfType<OtlpExporterAnnotation>()))
            {
                resource.Annotations.Add(new EcsDeploymentAnnotation(Apply));
            }

            return Task.CompletedTask;
        });
    }

    private static void Apply(EcsDeploymentContext context)
    {
        context.Sidecar = Sidecar;
        context.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = OtlpEndpoint;
        context.Environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        context.Environment["OTEL_SERVICE_NAME"] = context.Service.Name;
        context.Environment["OTEL_RESOURCE_ATTRIBUTES"] = $"deployment.environment={EcsDeploymentContext.EnvironmentPlaceholder}";
    }
}
