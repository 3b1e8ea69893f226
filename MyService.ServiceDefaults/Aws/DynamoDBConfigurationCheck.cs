using Amazon.Runtime;
using Microsoft.Extensions.Configuration;

namespace MyService.ServiceDefaults.Aws;

/// <summary>What a service that uses DynamoDB cannot start without: one sentence per missing setting, naming it and what sets it.</summary>
public static class DynamoDBConfigurationCheck
{
    /// <summary>The missing settings for a client and for <paramref name="tables"/>' names; empty when it can start.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration, params string[] tables)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(tables);
        List<string> problems = [.. tables.Where(t => configuration[DynamoDBClientFactory.TableNameKey(t)] is not { Length: > 0 }).Select(DynamoDBClientFactory.MissingTableName)];
        try
        {
            // The SDK's own resolution (environment, profile, instance metadata), as the service's client will do it.
            using var client = DynamoDBClientFactory.Create(configuration);
        }
        catch (AmazonClientException ex)
        {
            problems.Add($"No DynamoDB client can be made ({ex.Message}): set AWS_ENDPOINT_URL_DYNAMODB (DynamoDB Local; the AppHost's WithReference does) or AWS_REGION (an ECS task has it).");
        }

        return problems;
    }
}
