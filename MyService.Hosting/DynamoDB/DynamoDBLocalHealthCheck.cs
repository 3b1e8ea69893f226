using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MyService.Hosting.DynamoDB;

/// <summary>Healthy once a signed ListTables answers: the process is up, listening and serving requests.</summary>
internal sealed class DynamoDBLocalHealthCheck(DynamoDBLocalResource resource) : IHealthCheck
{
    // Aspire checks an unhealthy resource again after 1, 2, 3... s, and DynamoDB Local answers about 2.5 s after its
    // start: one check keeps asking for a while, so Healthy (and the tables, and the worker) follow within 100 ms of
    // the first answer instead of up to two seconds later (bench/startup.sh).
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var result = await ListTablesAsync(cancellationToken);
            if (result.Status == HealthStatus.Healthy || Stopwatch.GetElapsedTime(started) >= Patience)
            {
                return result;
            }

            await Task.Delay(Poll, cancellationToken);
        }
    }

    private async Task<HealthCheckResult> ListTablesAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = resource.CreateClient(TimeSpan.FromSeconds(2));
            var tables = await client.ListTablesAsync(new ListTablesRequest(), cancellationToken);
            return HealthCheckResult.Healthy($"ListTables: {tables.TableNames?.Count ?? 0} table(s)");
        }
        catch (Exception ex) when (ex is AmazonDynamoDBException or Amazon.Runtime.AmazonServiceException or HttpRequestException
            or IOException or TimeoutException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"ListTables: {ex.Message}");
        }
    }
}
