namespace MyService.Hosting.DynamoDB;

/// <summary>
/// A table in DynamoDB (Local, or the endpoint named in its place), created (if absent) each time its DynamoDB is
/// ready; it turns Running only then, so whatever waits for it starts with the table in place. Referencing it injects
/// <c>AWS__Resources__{name}__TableName</c>, in run and publish mode alike.
/// </summary>
public sealed class DynamoDBTableResource(string name, IDynamoDBResource parent, string tableName, string partitionKey, string? sortKey)
    : Resource(name), IResourceWithParent<IDynamoDBResource>, IResourceWithWaitSupport
{
    public IDynamoDBResource Parent { get; } = parent;

    public string TableName { get; } = tableName;

    public string PartitionKey { get; } = partitionKey;

    public string? SortKey { get; } = sortKey;

    /// <summary>The variable a referencing service reads its table name from (ServiceDefaults' DynamoDBClientFactory.TableName).</summary>
    public string TableNameVariable => $"AWS__Resources__{Name}__TableName";
}
