using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using MyService.Worker.Feed;

namespace MyService.Worker.Processing;

/// <summary>
/// Healthy while the loop runs and reads succeed; Degraded (still HTTP 200) until its first read has succeeded (the
/// API and its table start beside it) and while the API or DynamoDB is away and the loop is backing off, because
/// restarting the task would not bring them back; Unhealthy (503) only when the loop has not come round for much
/// longer than a read and a full backoff take: then it is stuck and a restart helps. The container health check acts
/// on that.
/// </summary>
internal sealed class WorkerHealthCheck(WorkerStatus status, IOptions<WorkerOptions> options, TimeProvider clock) : IHealthCheck
{
    // A feed read is bounded by its wait plus the feed client's own timeout (its only resilience strategy).
    private static readonly TimeSpan ReadBound = ApiChangeFeedClient.ReadTimeout;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = status.Current;
        var quiet = clock.GetUtcNow() - snapshot.LastActivity;
        var data = new Dictionary<string, object> { ["checkpoint"] = snapshot.Checkpoint };
        if (quiet > (ReadBound + TimeSpan.FromSeconds(options.Value.FeedWaitSeconds) + options.Value.MaxBackoff) * 3)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"The projection loop has not run for {quiet.TotalSeconds:F0} s.", data: data));
        }

        if (snapshot.LastSuccess is null)
        {
            return Task.FromResult(HealthCheckResult.Degraded(
                snapshot.LastError is { } waiting ? $"Starting: waiting for the change feed and the projection table ({waiting})" : "Starting: first read",
                data: data));
        }

        return Task.FromResult(snapshot.LastError is { } error
            ? HealthCheckResult.Degraded($"Backing off: {error}", data: data)
            : HealthCheckResult.Healthy($"Projecting; checkpoint {snapshot.Checkpoint}", data));
    }
}
