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
        // With an endpoint (the AppHost) or a region (an ECS task) the client is made without a question; only without
        // both is the SDK asked, through its own resolution (profile, instance metadata), as the service's client would.
        if (configuration["AWS_ENDPOINT_URL_DYNAMODB"] is { Length: > 0 } || configuration["AWS_REGION"] is { Length: > 0 })
        {
            return problems;
        }

        try
        {
            using var client = DynamoDBClientFactory.Create(configuration);
        }
        catch (AmazonClientException ex)
        {
            problems.Add($"No DynamoDB client can be made ({ex.Message}): set AWS_ENDPOINT_URL_DYNAMODB (DynamoDB Local; the AppHost's WithReference does) or AWS_REGION (an ECS task has it).");
        }

        return problems;
    }
}
