using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MyService.Hosting.DynamoDB;

/// <summary>Healthy once a signed ListTables answers: the process is up, listening and serving requests.</summary>
internal sealed class DynamoDBHealthCheck(IDynamoDBResource resource) : IHealthCheck
{
    // One question per call: AddHealthCheckPatience asks again until it answers.
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = await resource.CreateClientAsync(TimeSpan.FromSeconds(2), cancellationToken);
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
