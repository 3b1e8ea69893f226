using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Stand-in for OpenTelemetry.Extensions.Hosting's <c>AddOpenTelemetry()</c>, which this registry does not have.
/// The SDK's own <c>WithTracing/WithMetrics/WithLogging</c> register the providers in the host's container;
/// this adds the hosted service that builds them at start-up and lets the host dispose (flush) them at stop.
/// </summary>
public static class OpenTelemetryHostingExtensions
{
    public static IOpenTelemetryBuilder AddOpenTelemetry(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Hosting.IHostedService, TelemetryHostedService>());
        return new HostOpenTelemetryBuilder(services);
    }

    private sealed class HostOpenTelemetryBuilder(IServiceCollection services) : IOpenTelemetryBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}
