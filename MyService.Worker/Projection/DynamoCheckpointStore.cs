using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using MyService.Worker.Processing;

namespace MyService.Worker.Projection;

/// <summary>The checkpoint as one item of the projection table, moved only forward (a conditional write).</summary>
internal sealed class DynamoCheckpointStore(ProjectionTable table, IOptions<WorkerOptions> options) : ICheckpointStore
{
    private Dictionary<string, AttributeValue> Key => new() { ["pk"] = new("checkpoint"), ["sk"] = new(options.Value.ConsumerName) };

    public async Task<long> LoadAsync(CancellationToken cancellationToken)
    {
        using var activity = WorkerTelemetry.StartDynamoDB("GetItem", table.Name);
        var response = await table.Client.GetItemAsync(new GetItemRequest { TableName = table.Name, Key = Key, ConsistentRead = true }, cancellationToken);
        return response.IsItemSet ? long.Parse(response.Item["position"].N, CultureInfo.InvariantCulture) : 0;
    }

    public async Task SaveAsync(long position, CancellationToken cancellationToken)
    {
        var item = Key;
        item["position"] = new AttributeValue { N = position.ToString(CultureInfo.InvariantCulture) };
        using var activity = WorkerTelemetry.StartDynamoDB("PutItem", table.Name);
        try
        {
            await table.Client.PutItemAsync(new PutItemRequest
            {
                TableName = table.Name,
                Item = item,
                ConditionExpression = "attribute_not_exists(pk) OR #p < :p",
                ExpressionAttributeNames = new() { ["#p"] = "position" },
                ExpressionAttributeValues = new() { [":p"] = item["position"] },
            }, cancellationToken);
        }
        catch (ConditionalCheckFailedException)
        {
            // Already there or further (another instance of the worker got there first): nothing to move.
        }
    }
}
