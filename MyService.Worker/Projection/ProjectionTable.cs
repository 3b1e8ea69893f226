using Amazon.DynamoDBv2;

namespace MyService.Worker.Projection;

/// <summary>
/// The projection table (string keys pk, sk). Entities: pk <c>{type}#{id}</c>, sk <c>state</c>, so writes spread
/// over partitions. The checkpoint: pk <c>checkpoint</c>, sk the consumer's name. See docs/DYNAMODB.md.
/// </summary>
internal sealed class ProjectionTable(IAmazonDynamoDB client, string name)
{
    public const string ResourceName = "projection";

    public IAmazonDynamoDB Client { get; } = client;

    public string Name { get; } = name;
}
