using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using MyService.ServiceDefaults.Health;
using MyService.ServiceDefaults.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

// The template's namespace, kept on purpose: `builder.AddServiceDefaults()` and `app.MapDefaultEndpoints()` are
// found in every service's Program.cs without a using, as in any Aspire solution.
namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Aspire's ServiceDefaults template (service discovery, the standard resilience handler, health checks and
/// OpenTelemetry on their own packages). Differences from the template are commented where they are made.
/// </summary>
public static class Extensions
{
    private const string HealthEndpointPath = "/health";
    private const string AlivenessEndpointPath = "/alive";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        // Not in the template: Polly logs every attempt of every resilient client at Information, each OTLP/HTTP
        // export included (three lines a second in each service's console under Aspire); its retries and failures
        // are Warning, so they still show. Logging:LogLevel:Polly in configuration, when set, decides instead.
        if (builder.Configuration["Logging:LogLevel:Polly"] is null)
        {
            builder.Logging.AddFilter("Polly", LogLevel.Warning);
        }

        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                // Not in the template: the project's own meters (MyService.Worker's, any MyService.* added later).
                .AddMeter(ProjectTelemetry.Names))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                // Not in the template: the project's own activity sources, whatever the host's application name.
                .AddSource(ProjectTelemetry.Names)
                .AddAspNetCoreInstrumentation(aspNetCore =>
                {
                    aspNetCore.Filter = context =>
                        !context.Request.Path.StartsWithSegments(HealthEndpointPath)
                        && !context.Request.Path.StartsWithSegments(AlivenessEndpointPath);
                    // Not in the template: a group's "/" route is named "GET /users", not "GET /users/".
                    aspNetCore.EnrichWithHttpResponse = ServerSpanNames.TrimTrailingSlash;
                })
                .AddHttpClientInstrumentation());

        builder.AddOpenTelemetryExporters();
        return builder;
    }

    private static TBuilder AddOpenTelemetryExporters<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // The exporter reads the other OTEL_EXPORTER_OTLP_* variables, OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES and
        // the batch and reader intervals (OTEL_BSP_*, OTEL_BLRP_*, OTEL_METRIC_EXPORT_*) from configuration itself.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Not in the template: mapped in every environment (ECS and the ALB probe production), and answered with
        // each check as JSON (503 when unhealthy) so an operator sees which check failed.
        app.MapHealthChecks(HealthEndpointPath, new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync })
            .WithHealthDescription("getHealth", "Readiness: every check, with its status", "503 when a check (the store) is unhealthy.");
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions
        {
            Predicate = r => r.Tags.Contains("live"),
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).WithHealthDescription("getAliveness", "Liveness: the process answers", "Only the checks tagged live; 503 when one fails.");
        return app;
    }

    /// <summary>
    /// Not in the template: the health endpoints described for an OpenAPI document (the API's), which has no handler
    /// method to read them from, with the answer <see cref="HealthReportWriter"/> gives on 200 and on 503.
    /// </summary>
    private static IEndpointConventionBuilder WithHealthDescription(this IEndpointConventionBuilder builder, string name, string summary, string description) => builder
        .WithName(name)
        .WithSummary(summary)
        .WithDescription(description)
        .WithTags("Health")
        .WithMetadata(
            new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(HealthReportBody), ["application/json"]),
            new ProducesResponseTypeMetadata(StatusCodes.Status503ServiceUnavailable, typeof(HealthReportBody), ["application/json"]));
}
