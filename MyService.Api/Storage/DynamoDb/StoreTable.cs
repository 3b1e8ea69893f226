using Amazon.DynamoDBv2;

namespace MyService.Api.Storage.DynamoDb;

/// <summary>The store table (entities, unique values, change events, counters) and the client that reaches it.</summary>
internal sealed class StoreTable(IAmazonDynamoDB client, string name)
{
    /// <summary>The app model's name for the table: its physical name is <c>AWS__Resources__store__TableName</c>.</summary>
    public const string ResourceName = "store";

    public IAmazonDynamoDB Client { get; } = client;

    public string Name { get; } = name;
}
