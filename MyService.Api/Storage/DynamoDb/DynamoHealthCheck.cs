using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MyService.Api.Storage.DynamoDb;

/// <summary>Ready when the store table answers a consistent read (GetItem only: the task role needs nothing more).</summary>
internal sealed class DynamoHealthCheck(StoreTable table) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await table.Client.GetItemAsync(new GetItemRequest { TableName = table.Name, Key = StoreKeys.Counters(), ConsistentRead = true }, cancellationToken);
            return HealthCheckResult.Healthy($"table {table.Name}");
        }
        catch (Exception ex) when (ex is Amazon.Runtime.AmazonServiceException or Amazon.Runtime.AmazonClientException or HttpRequestException)
        {
            return HealthCheckResult.Unhealthy($"DynamoDB table {table.Name} is not answering", ex);
        }
    }
}
