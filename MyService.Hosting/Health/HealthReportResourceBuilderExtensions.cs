using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MyService.Hosting.Health;

namespace MyService.Hosting;

public static class HealthReportResourceBuilderExtensions
{
    /// <summary>
    /// Like Aspire's <c>WithHttpHealthCheck(path)</c>, but the resource's health is the status its report says
    /// (<see cref="HealthReportCheck"/>): Degraded shows as Degraded, with the failing check's description, where a
    /// status-code check sees only the 200. <c>WaitFor</c> on the resource waits for Healthy.
    /// </summary>
    public static IResourceBuilder<T> WithHealthReportCheck<T>(this IResourceBuilder<T> builder, string path = "/health", string endpointName = "http")
        where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var endpoint = builder.GetEndpoint(endpointName);
        var key = $"{builder.Resource.Name}_{endpointName}_{path}_report_check";
        // Asked every 100 ms while not Healthy (AddHealthCheckPatience): its requests are not logged, as Aspire's own are not.
        builder.ApplicationBuilder.Services.AddHttpClient(key, client => client.Timeout = TimeSpan.FromSeconds(5)).RemoveAllLoggers();
        builder.ApplicationBuilder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            key,
            services => new HealthReportCheck(endpoint, path, () => services.GetRequiredService<IHttpClientFactory>().CreateClient(key)),
            failureStatus: default,
            tags: default));
        return builder.WithHealthCheck(key);
    }
}
