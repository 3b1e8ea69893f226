using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MyService.Hosting.OpenTelemetry.Collector;

namespace MyService.Hosting.OpenTelemetry;

/// <summary>
/// Where the collector forwards to the Aspire dashboard: exactly what Aspire tells an exporter that needs OTLP/HTTP
/// (<c>WithOtlpExporter(OtlpProtocol.HttpProtobuf)</c>), taken from Aspire's own environment callback run for a
/// stand-in resource: <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (the dashboard's OTLP/HTTP endpoint, on whatever port Aspire
/// gave it) and <c>OTEL_EXPORTER_OTLP_HEADERS</c> (its API key). So the collector names neither the dashboard's
/// resource, nor its endpoint, nor the setting that holds the key.
/// </summary>
internal static partial class DashboardOtlp
{
    /// <returns>Null when Aspire gives no OTLP/HTTP endpoint (a dashboard that only takes gRPC): nothing to forward to.</returns>
    public static async Task<OtlpTarget?> ResolveAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            var exporter = new StandIn();
            OtlpConfigurationExtensions.AddOtlpEnvironment(
                exporter, services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>(), OtlpProtocol.HttpProtobuf);
            var context = new EnvironmentCallbackContext(services.GetRequiredService<DistributedApplicationExecutionContext>(), exporter, cancellationToken: cancellationToken);
            foreach (var callback in exporter.Annotations.OfType<EnvironmentCallbackAnnotation>())
            {
                await callback.Callback(context);
            }

            var variables = context.EnvironmentVariables;
            var protocol = variables.GetValueOrDefault("OTEL_EXPORTER_OTLP_PROTOCOL") as string;
            // A value provider (the dashboard's endpoint) waits until Aspire has allocated the port.
            var endpoint = variables.GetValueOrDefault("OTEL_EXPORTER_OTLP_ENDPOINT") switch
            {
                string url => url,
                IValueProvider value => await value.GetValueAsync(cancellationToken),
                _ => null,
            };
            if (protocol != "http/protobuf" || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
            {
                LogNoHttpEndpoint(logger, protocol ?? "none", endpoint ?? "none");
                return null;
            }

            return new OtlpTarget(new Uri(uri.ToString().TrimEnd('/') + "/"), Headers(variables.GetValueOrDefault("OTEL_EXPORTER_OTLP_HEADERS") as string));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Detached from the collector's start: said here, or nobody would know the dashboard gets no telemetry.
            LogFailed(logger, ex);
            return null;
        }
    }

    /// <summary>OTEL_EXPORTER_OTLP_HEADERS: <c>key=value</c> pairs separated by commas (the OpenTelemetry specification).</summary>
    internal static IReadOnlyDictionary<string, string> Headers(string? value)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts is [{ Length: > 0 } name, var headerValue])
            {
                headers[name] = Uri.UnescapeDataString(headerValue);
            }
        }

        return headers;
    }

    /// <summary>Never added to the model: it only carries Aspire's OTLP environment callback.</summary>
    private sealed class StandIn() : Resource("otel-collector-dashboard-exporter");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Aspire gives no OTLP/HTTP endpoint of the dashboard (protocol {Protocol}, endpoint {Endpoint}): the collector forwards nothing to it")]
    private static partial void LogNoHttpEndpoint(ILogger logger, string protocol, string endpoint);

    [LoggerMessage(Level = LogLevel.Error, Message = "The dashboard's OTLP endpoint could not be found: the collector forwards nothing to it")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
