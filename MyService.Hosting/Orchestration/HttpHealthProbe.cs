namespace MyService.Hosting.Orchestration;

/// <summary>WithHttpHealthCheck: healthy on a 2xx from the path.</summary>
internal sealed class HttpHealthProbe(HttpClient client, Uri url) : IHealthProbe
{
    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(url, cancellationToken);
            return new HealthReport(DateTimeOffset.UtcNow,
                response.IsSuccessStatusCode ? HealthStatus.Healthy : HealthStatus.Unhealthy,
                $"GET {url.AbsolutePath}: {(int)response.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new HealthReport(DateTimeOffset.UtcNow, HealthStatus.Unhealthy, $"GET {url.AbsolutePath}: {ex.Message}");
        }
    }
}
