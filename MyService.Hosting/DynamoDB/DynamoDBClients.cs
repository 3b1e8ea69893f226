using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace MyService.Hosting.DynamoDB;

/// <summary>The AppHost's own clients (health, table creation) and the credentials referencing services sign with.</summary>
internal static class DynamoDBClients
{
    // DynamoDB Local accepts any credentials (so must an endpoint named in its place); the SDK only needs some to sign with.
    public const string AccessKeyId = "myservicelocal";
    public const string SecretAccessKey = "myservicelocalsecret";

    /// <summary>No retries, so a check answers within <paramref name="timeout"/>.</summary>
    public static AmazonDynamoDBClient Create(string serviceUrl, string region, TimeSpan timeout) => new(
        new BasicAWSCredentials(AccessKeyId, SecretAccessKey),
        new AmazonDynamoDBConfig
        {
            ServiceURL = serviceUrl,
            AuthenticationRegion = region,
            Timeout = timeout,
            MaxErrorRetry = 0,
        });

    /// <summary>A client for <paramref name="dynamodb"/>'s URL, known once its endpoint is allocated.</summary>
    public static async Task<AmazonDynamoDBClient> CreateClientAsync(this IDynamoDBResource dynamodb, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var url = await dynamodb.ServiceUrl.GetValueAsync(cancellationToken)
            ?? throw new InvalidOperationException($"'{dynamodb.Name}' has no URL yet.");
        return Create(url, dynamodb.Region, timeout);
    }
}
