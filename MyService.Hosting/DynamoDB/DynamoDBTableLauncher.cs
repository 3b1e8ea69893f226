using MyService.Hosting.ApplicationModel;
using MyService.Hosting.Orchestration;

namespace MyService.Hosting.DynamoDB;

/// <summary>A table runs with its DynamoDB Local (which created it before turning healthy): nothing of its own to start.</summary>
internal sealed class DynamoDBTableLauncher : IResourceLauncher
{
    public string ResourceType => "DynamoDBTable";

    public bool Handles(IResource resource) => resource is DynamoDBTableResource;

    public Task<LaunchPlan> PlanAsync(IResource resource, LaunchContext context, CancellationToken cancellationToken)
    {
        var table = (DynamoDBTableResource)resource;
        context.Log($"Table {table.TableName} (partition key {table.PartitionKey}{(table.SortKey is null ? "" : $", sort key {table.SortKey}")})");
        return Task.FromResult(new LaunchPlan(Process: null));
    }
}
