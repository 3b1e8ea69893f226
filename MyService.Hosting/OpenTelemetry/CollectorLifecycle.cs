using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MyService.Hosting.OpenTelemetry.Collector;
using MyService.Hosting.Shared;

namespace MyService.Hosting.OpenTelemetry;

/// <summary>Starts the collector with the AppHost, keeps its counts on the resource, and points the services at it.</summary>
internal static partial class CollectorLifecycle
{
    private static readonly TimeSpan CountsInterval = TimeSpan.FromSeconds(2);

    public static async Task StartAsync(OpenTelemetryCollectorResource resource, InitializeResourceEvent @event, CancellationToken cancellationToken)
    {
        var services = @event.Services;
        var lifetime = services.GetRequiredService<IHostApplicationLifetime>();
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        List<OtlpForwarder> forwarders = [];
        if (!services.GetRequiredService<DistributedApplicationOptions>().DisableDashboard)
        {
            // Without a dashboard (tests, --DisableDashboard) every payload would be retried and counted as dropped.
            forwarders.Add(new(new OtlpDestination("the Aspire dashboard", DashboardOtlp.ResolveAsync(services, @event.Logger, lifetime.ApplicationStopping)), http, @event.Logger));
        }

        if (resource.UpstreamEndpoint is { } upstream)
        {
            forwarders.Add(new(new OtlpDestination($"upstream {upstream}", new OtlpTarget(upstream, resource.UpstreamHeaders.AsReadOnly())), http, @event.Logger));
        }

        var receiver = new OtlpReceiver(resource.Counters, forwarders);
        await @event.Notifications.PublishUpdateAsync(resource, s => s with { State = KnownResourceStates.Starting });
        Uri endpoint;
        try
        {
            endpoint = await receiver.StartAsync(resource.Port ?? 0, resource.ApiKey, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever stopped Kestrel (a taken port arrives as an IOException, a bad address as another): the resource
            // says so, the services keep Aspire's own settings and export to the dashboard, nothing is left running.
            var reason = ex.Message;
            LogFailed(@event.Logger, resource.Port ?? 0, reason);
            resource.SetFailed(ex);
            await receiver.DisposeAsync();
            await Task.WhenAll(forwarders.Select(f => f.DisposeAsync().AsTask()));
            http.Dispose();
            await @event.Notifications.PublishUpdateAsync(resource, s => s with { State = new(KnownResourceStates.FailedToStart, KnownResourceStateStyles.Error) });
            return;
        }

        resource.SetStarted(endpoint);
        var destinations = forwarders.Count > 0 ? string.Join(", ", forwarders.Select(f => f.Destination.Name)) : "nowhere (no dashboard, no upstream)";
        LogListening(@event.Logger, endpoint, destinations);
        await @event.Notifications.PublishUpdateAsync(resource, s => s with
        {
            State = KnownResourceStates.Running,
            StartTimeStamp = DateTime.UtcNow,
            Urls = [new UrlSnapshot("otlp-http", endpoint.ToString().TrimEnd('/'), IsInternal: false)],
            Properties = [.. s.Properties, new(CustomResourceKnownProperties.Source, $"OTLP/HTTP receiver in the AppHost, forwarding to {destinations}"), new("otlp.protocol", "http/protobuf"), new("otlp.destinations", destinations)],
        });

        _ = PublishCountsAsync(resource, forwarders, @event.Notifications, lifetime.ApplicationStopping);
        lifetime.ApplicationStopped.Register(() =>
        {
            // Stopped after the services, so their last flush still arrives; the forwarders drop what is left.
            receiver.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(2));
            Task.WhenAll(forwarders.Select(f => f.DisposeAsync().AsTask())).Wait(TimeSpan.FromSeconds(2));
            http.Dispose();
        });
    }

    /// <summary>The services' OTLP settings, overriding Aspire's defaults (which point at the dashboard).</summary>
    public static async Task PointAtCollectorAsync(OpenTelemetryCollectorResource collector, EnvironmentCallbackContext context)
    {
        if (!context.ExecutionContext.IsRunMode)
        {
            return;
        }

        // Started in the AppHost moments before the services; if it did not start (its resource says why), Aspire's own
        // settings stay and the service exports straight to the dashboard.
        var started = collector.Endpoint;
        await Task.WhenAny(started, Task.Delay(TimeSpan.FromSeconds(10), context.CancellationToken));
        if (!started.IsCompletedSuccessfully)
        {
            return;
        }

        context.EnvironmentVariables["OTEL_EXPORTER_OTLP_ENDPOINT"] = started.Result.ToString().TrimEnd('/');
        context.EnvironmentVariables["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        context.EnvironmentVariables["OTEL_EXPORTER_OTLP_HEADERS"] = $"{OpenTelemetryCollectorResource.ApiKeyHeader}={collector.ApiKey}";
        // Aspire turns on the exporter's in-memory retry; with it, OpenTelemetry .NET 1.20's OTLP exporter takes 5 s to
        // shut down (measured against a sink that answers 200: 5.07 s, 0.06 s without), which every stop of a service
        // paid. The collector is on loopback and queues on its side, so the services need no retry of their own.
        context.EnvironmentVariables.Remove("OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY");
    }

    private static async Task PublishCountsAsync(OpenTelemetryCollectorResource resource, IReadOnlyList<OtlpForwarder> forwarders, ResourceNotificationService notifications, CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(CountsInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                await notifications.PublishUpdateAsync(resource, s => s with
                {
                    Properties = s.Properties.With(
                        ("otlp.received", resource.Counters.Received),
                        ("otlp.items", resource.Counters.Items),
                        ("otlp.rejected", resource.Counters.Rejected),
                        ("otlp.forwarded", forwarders.Sum(f => f.Forwarded)),
                        ("otlp.dropped", forwarders.Sum(f => f.Dropped))),
                });
            }
        }
        catch (OperationCanceledException)
        {
            // The AppHost is stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "OTLP/HTTP receiver on {Endpoint} (protobuf, header x-otlp-api-key required), forwarding to {Destinations}")]
    private static partial void LogListening(ILogger logger, Uri endpoint, string destinations);

    [LoggerMessage(Level = LogLevel.Error, Message = "The collector cannot listen on port {Port}: {Reason}. Set Collector:Port to a free port (or remove it for any free one); the services export to the dashboard directly meanwhile.")]
    private static partial void LogFailed(ILogger logger, int port, string reason);
}
