using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MyService.Hosting.DynamoDB;

/// <summary>
/// Healthy once a signed ListTables answers: the process is up, listening and serving requests. On an endpoint the
/// AppHost does not run (<see cref="DynamoDBEndpointResource"/>), a declared table found missing after its tables were
/// created (an in-memory DynamoDB restarted behind the AppHost's back) is created again, as DynamoDB Local's restart does.
/// </summary>
internal sealed class DynamoDBHealthCheck(IDynamoDBResource resource, IServiceProvider services) : IHealthCheck
{
    // One question per call: AddHealthCheckPatience asks again until it answers.
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = await resource.CreateClientAsync(TimeSpan.FromSeconds(2), cancellationToken);
            var tables = await client.ListTablesAsync(new ListTablesRequest(), cancellationToken);
            var names = tables.TableNames ?? [];
            if (resource is DynamoDBEndpointResource { TablesCreated: true })
            {
                var log = services.GetRequiredService<ResourceLoggerService>().GetLogger(resource);
                var declared = services.GetRequiredService<DistributedApplicationModel>().TablesOf(resource);
                await DynamoDBTableCreator.CreateMissingAsync(client, declared, names, log, cancellationToken);
            }

            return HealthCheckResult.Healthy($"ListTables: {names.Count} table(s)");
        }
        catch (Exception ex) when (ex is AmazonDynamoDBException or Amazon.Runtime.AmazonServiceException or HttpRequestException
            or IOException or TimeoutException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"ListTables: {ex.Message}");
        }
    }
}
