using MyService.Hosting.Publishing;

namespace MyService.Hosting.DynamoDB;

/// <summary>
/// What a table is on ECS for a service that references it: the per-environment table as a dependency with its keys
/// and the actions the service may call, and its name in <c>AWS__Resources__{name}__TableName</c>.
/// </summary>
internal static class DynamoDBTableDeployment
{
    /// <summary>What a service's code does with a table by default: item reads and writes, never Scan or table administration.</summary>
    public static readonly IReadOnlyList<string> ReadWrite =
        ["dynamodb:ConditionCheckItem", "dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem"];

    public static void Apply(DynamoDBTableResource table, EcsDeploymentContext context)
    {
        var name = EcsDeploymentContext.PerEnvironment(table.TableName);
        context.Environment[table.TableNameVariable] = name;
        List<DeployedKey> keys = [new(table.PartitionKey, "S", "HASH")];
        if (table.SortKey is { } sortKey)
        {
            keys.Add(new(sortKey, "S", "RANGE"));
        }

        context.Dependencies.Add(new DeployedDependency("aws_dynamodb_table", name, context.RequestedPermissions ?? ReadWrite, keys));
    }
}
