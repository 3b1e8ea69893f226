using MyService.Hosting.ApplicationModel;

namespace MyService.Hosting.DynamoDB;

/// <summary>
/// A table in DynamoDB Local, created before anything that waits for its DynamoDB Local starts. Referencing it
/// injects the parent's variables and <c>AWS__Resources__{name}__TableName</c>.
/// </summary>
public sealed class DynamoDBTableResource(string name, DynamoDBLocalResource parent, string tableName, string partitionKey, string? sortKey)
    : Resource(name), IResourceWithParent, IResourceWithWaitSupport, IResourceWithReferenceEnvironment
{
    public IResource Parent => DynamoDB;

    public DynamoDBLocalResource DynamoDB { get; } = parent;

    public string TableName { get; } = tableName;

    public string PartitionKey { get; } = partitionKey;

    public string? SortKey { get; } = sortKey;

    public void AddReferenceEnvironment(ResourceRunContext context, IDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        DynamoDB.AddReferenceEnvironment(context, environment);
        environment[$"AWS__Resources__{Name}__TableName"] = TableName;
    }
}
