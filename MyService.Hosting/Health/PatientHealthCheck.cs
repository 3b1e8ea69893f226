using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MyService.Hosting.Health;

/// <summary>
/// Asks the check it wraps again every <see cref="Poll"/> until it is Healthy or <paramref name="patience"/> has gone
/// by, and answers with the last result: a resource turns Healthy within a poll of its first good answer instead of
/// at Aspire's next check, which comes 1, 2, 3, 4 then 5 s after each unhealthy one. A healthy check answers at once,
/// and so does the first bad answer after a Healthy report (<paramref name="last"/>): bad news is not held back by
/// the patience meant for a start.
/// </summary>
internal sealed class PatientHealthCheck(IHealthCheck inner, TimeSpan patience, TimeProvider clock, PatientHealthCheck.LastReport last) : IHealthCheck
{
    internal static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var started = clock.GetTimestamp();
        while (true)
        {
            var result = await inner.CheckHealthAsync(context, cancellationToken);
            if (result.Status == HealthStatus.Healthy || last.WasHealthy || clock.GetElapsedTime(started) + Poll > patience)
            {
                last.WasHealthy = result.Status == HealthStatus.Healthy;
                return result;
            }

            await Task.Delay(Poll, clock, cancellationToken);
        }
    }

    /// <summary>What one registration last reported; a new check instance is made for every run, this outlives them.</summary>
    internal sealed class LastReport
    {
        private volatile bool _wasHealthy;

        public bool WasHealthy { get => _wasHealthy; set => _wasHealthy = value; }
    }
}
