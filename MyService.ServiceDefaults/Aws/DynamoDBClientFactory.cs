using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Microsoft.Extensions.Configuration;

namespace MyService.ServiceDefaults.Aws;

/// <summary>
/// Builds the DynamoDB client from configuration, which includes the environment an AppHost or an ECS task gives
/// (README.md, Configuration): <c>AWS_ENDPOINT_URL_DYNAMODB</c> and <c>AWS_REGION</c> win when set; without them the
/// SDK's own resolution applies (on ECS: the task's region and task role). The SDK also reads those two variables
/// by itself; reading them from configuration as well lets tests and appsettings set them without touching the
/// process environment, which AWSSDK.Extensions.NETCore.Setup (an <c>AWS</c> configuration section) does not cover.
/// </summary>
public static class DynamoDBClientFactory
{
    public static AmazonDynamoDBClient Create(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var config = new AmazonDynamoDBConfig
        {
            // Standard mode retries throttling and 5xx with jittered exponential backoff; a conditional-check
            // failure is a 400 the SDK never retries.
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = 5,
            Timeout = TimeSpan.FromSeconds(10),
        };
        var region = configuration["AWS_REGION"];
        if (configuration["AWS_ENDPOINT_URL_DYNAMODB"] is { Length: > 0 } endpoint)
        {
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = string.IsNullOrEmpty(region) ? "us-east-1" : region;
        }
        else if (!string.IsNullOrEmpty(region))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        return Credentials(configuration) is { } credentials ? new AmazonDynamoDBClient(credentials, config) : new AmazonDynamoDBClient(config);
    }

    /// <summary>Explicit keys when configured (DynamoDB Local's dummies); otherwise the SDK's default chain (ECS task role).</summary>
    private static AWSCredentials? Credentials(IConfiguration configuration)
    {
        var key = configuration["AWS_ACCESS_KEY_ID"];
        var secret = configuration["AWS_SECRET_ACCESS_KEY"];
        if (string.IsNullOrEmpty(key) || string.IsNullOrEmpty(secret))
        {
            return null;
        }

        return configuration["AWS_SESSION_TOKEN"] is { Length: > 0 } token
            ? new SessionAWSCredentials(key, secret, token)
            : new BasicAWSCredentials(key, secret);
    }

    /// <summary>The physical name of a table the app model calls <paramref name="resource"/> (<c>AWS__Resources__{resource}__TableName</c>).</summary>
    public static string TableName(IConfiguration configuration, string resource)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[TableNameKey(resource)] is { Length: > 0 } name ? name : throw new InvalidOperationException(MissingTableName(resource));
    }

    internal static string TableNameKey(string resource) => $"AWS:Resources:{resource}:TableName";

    internal static string MissingTableName(string resource) =>
        $"The DynamoDB table '{resource}' has no name: set {TableNameKey(resource)} (environment AWS__Resources__{resource}__TableName), as the AppHost's WithReference(table) and the FSD service file do.";
}
