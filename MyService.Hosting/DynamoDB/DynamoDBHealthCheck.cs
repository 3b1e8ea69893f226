using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MyService.Hosting.DynamoDB;

/// <summary>
/// Healthy once a signed ListTables answers (the process is up, listening and serving requests) and the declared tables
/// are there: each answer creates those missing (<see cref="DynamoDBTableLifecycle.EnsureTablesAsync"/>).
/// </summary>
internal sealed class DynamoDBHealthCheck(IDynamoDBResource resource, IServiceProvider services) : IHealthCheck
{
    // One question per call: AddHealthCheckPatience asks again until it answers.
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = await resource.CreateClientAsync(TimeSpan.FromSeconds(2), cancellationToken);
            var names = await DynamoDBTableCreator.ListAllAsync(client, cancellationToken);
            if (await DynamoDBTableLifecycle.EnsureTablesAsync(resource, client, names, services, cancellationToken) is { } notActive)
            {
                return HealthCheckResult.Unhealthy($"Waiting for table {notActive}");
            }

            return HealthCheckResult.Healthy($"ListTables: {names.Count} table(s)");
        }
        catch (Exception ex) when (ex is AmazonDynamoDBException or Amazon.Runtime.AmazonServiceException or HttpRequestException
            or IOException or TimeoutException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"DynamoDB: {ex.Message}");
        }
    }
}
