namespace MyService.Hosting.Orchestration;

/// <summary>Answers whether a resource is healthy right now; never throws for an unhealthy answer.</summary>
internal interface IHealthProbe
{
    Task<HealthReport> CheckAsync(CancellationToken cancellationToken);
}
