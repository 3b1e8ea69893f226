using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MyService.Hosting.OpenTelemetry;

/// <summary>Healthy while the receiver accepts connections.</summary>
internal sealed class CollectorHealthCheck(OpenTelemetryCollectorResource resource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!resource.Endpoint.IsCompletedSuccessfully)
        {
            return HealthCheckResult.Unhealthy("The OTLP receiver is not listening.");
        }

        var endpoint = await resource.Endpoint;
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(endpoint.Host, endpoint.Port, cancellationToken);
            return HealthCheckResult.Healthy($"OTLP/HTTP on {endpoint}");
        }
        catch (SocketException ex)
        {
            return HealthCheckResult.Unhealthy($"{endpoint}: {ex.Message}");
        }
    }
}
