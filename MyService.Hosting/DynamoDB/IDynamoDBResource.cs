namespace MyService.Hosting.DynamoDB;

/// <summary>
/// DynamoDB as the services see it in run mode: the DynamoDB Local the AppHost runs (<see cref="DynamoDBLocalResource"/>)
/// or one already running that configuration names (<see cref="DynamoDBEndpointResource"/>). Tables, references and
/// health are the same on both; only the first has a process, a data folder and a restart policy.
/// </summary>
public interface IDynamoDBResource : IResourceWithWaitSupport
{
    /// <summary>The URL referencing services get as <c>AWS_ENDPOINT_URL_DYNAMODB</c> (and the AppHost's own calls use).</summary>
    ReferenceExpression ServiceUrl { get; }

    /// <summary>The region the services and the AppHost sign with (<c>AWS_REGION</c>).</summary>
    string Region { get; }
}
