using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace MyService.Api.Storage.DynamoDb;

/// <summary>
/// Ids and event sequences from atomic counters (UpdateItem ADD): numeric like SQLite's, unique across every API
/// task. A number taken by a write that then fails is never reused; the change feed handles the gap.
/// </summary>
internal sealed class StoreCounters(StoreTable table)
{
    public async Task<long> NextAsync(string counter, CancellationToken cancellationToken)
    {
        var response = await table.Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = table.Name,
            Key = StoreKeys.Counters(),
            UpdateExpression = "ADD #c :one",
            ExpressionAttributeNames = new() { ["#c"] = counter },
            ExpressionAttributeValues = new() { [":one"] = StoreKeys.N(1) },
            ReturnValues = ReturnValue.UPDATED_NEW,
        }, cancellationToken);
        return StoreKeys.ReadNumber(response.Attributes, counter);
    }

    /// <summary>Raises <paramref name="counter"/> to at least <paramref name="value"/> (the migration's last step).</summary>
    public async Task RaiseToAsync(string counter, long value, CancellationToken cancellationToken)
    {
        try
        {
            await table.Client.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = table.Name,
                Key = StoreKeys.Counters(),
                UpdateExpression = "SET #c = :v",
                ConditionExpression = "attribute_not_exists(#c) OR #c < :v",
                ExpressionAttributeNames = new() { ["#c"] = counter },
                ExpressionAttributeValues = new() { [":v"] = StoreKeys.N(value) },
            }, cancellationToken);
        }
        catch (ConditionalCheckFailedException)
        {
            // Already at or above: counters never go back.
        }
    }

    /// <summary>The counters item, or null when nothing was ever written to the table.</summary>
    public async Task<Dictionary<string, AttributeValue>?> ReadAsync(CancellationToken cancellationToken)
    {
        var response = await table.Client.GetItemAsync(new GetItemRequest
        {
            TableName = table.Name,
            Key = StoreKeys.Counters(),
            ConsistentRead = true,
        }, cancellationToken);
        return response.IsItemSet ? response.Item : null;
    }
}
