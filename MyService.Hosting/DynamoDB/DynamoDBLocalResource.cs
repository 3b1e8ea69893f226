using MyService.Hosting.ApplicationModel;

namespace MyService.Hosting.DynamoDB;

/// <summary>
/// Amazon DynamoDB Local (the real one, a Java program). Referencing it injects AWS_ENDPOINT_URL_DYNAMODB,
/// AWS_REGION and dummy credentials, which the AWS SDK picks up without code changes (DESIGN §5).
/// </summary>
public sealed class DynamoDBLocalResource(string name) : Resource(name), IResourceWithEndpoints, IResourceWithWaitSupport, IResourceWithReferenceEnvironment
{
    public const string EndpointName = "http";
    public const string Region = "us-east-1";

    // DynamoDB Local accepts any credentials; these only need to be present and alphanumeric.
    private const string AccessKeyId = "myservicelocal";
    private const string SecretAccessKey = "myservicelocalsecret";

    public List<DynamoDBTableResource> Tables { get; } = [];

    public Uri? EndpointUri => this.GetEndpoint(EndpointName).AllocatedEndpoint?.Uri;

    public void AddReferenceEnvironment(ResourceRunContext context, IDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (EndpointUri is { } endpoint)
        {
            environment["AWS_ENDPOINT_URL_DYNAMODB"] = endpoint.ToString().TrimEnd('/');
        }

        environment["AWS_REGION"] = Region;
        environment["AWS_ACCESS_KEY_ID"] = AccessKeyId;
        environment["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey;
    }

    internal Amazon.DynamoDBv2.AmazonDynamoDBClient CreateClient(TimeSpan timeout) => new(
        new Amazon.Runtime.BasicAWSCredentials(AccessKeyId, SecretAccessKey),
        new Amazon.DynamoDBv2.AmazonDynamoDBConfig
        {
            ServiceURL = EndpointUri?.ToString() ?? throw new InvalidOperationException($"'{Name}' has no endpoint yet."),
            AuthenticationRegion = Region,
            Timeout = timeout,
            MaxErrorRetry = 0,
        });
}
