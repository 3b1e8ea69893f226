using System.Diagnostics;
using Amazon.DynamoDBv2.Model;
using MyService.Worker.Feed;
using MyService.Worker.Processing;

namespace MyService.Worker.Projection;

/// <summary>
/// Applies events with conditional writes (<see cref="ProjectionItems.NewerOnly"/>): one PutItem per event while the
/// worker follows the feed, and while it catches up one TransactWriteItems for up to 100 entities
/// (<see cref="ApplyTogetherAsync"/>), which DynamoDB Local on its data folder runs as one commit instead of 100.
/// </summary>
internal sealed class DynamoProjectionStore(ProjectionTable table, TimeProvider clock) : IProjectionStore
{
    public async Task<bool> ApplyAsync(FeedEvent change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        using var activity = WorkerTelemetry.StartDynamoDB("PutItem", table.Name);
        try
        {
            await table.Client.PutItemAsync(new PutItemRequest
            {
                TableName = table.Name,
                Item = ProjectionItems.Item(change, clock.GetUtcNow()),
                ConditionExpression = ProjectionItems.NewerOnly,
                ExpressionAttributeValues = ProjectionItems.NewerOnlyValues(change),
            }, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            // The projection holds this version or a newer one: the event is already in it.
            activity?.SetTag("myservice.projection.skipped", true);
            return false;
        }
    }

    /// <summary>
    /// One transaction per chunk of distinct entities. A transaction is all or nothing, so one refused condition (an
    /// entity already at that version: a replay) cancels it; the refused ones are dropped (they are in the projection)
    /// and the rest sent again. Any other cancellation (a conflict with another writer) falls back to one PutItem each.
    /// </summary>
    public async Task<bool[]> ApplyTogetherAsync(IReadOnlyList<FeedEvent> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var applied = new bool[changes.Count];
        var pending = Enumerable.Range(0, changes.Count).ToList();
        while (pending.Count > 0)
        {
            using var activity = WorkerTelemetry.StartDynamoDB("TransactWriteItems", table.Name);
            activity?.SetTag("aws.dynamodb.item_count", pending.Count);
            var now = clock.GetUtcNow();
            try
            {
                await table.Client.TransactWriteItemsAsync(new TransactWriteItemsRequest
                {
                    TransactItems = [.. pending.Select(i => new TransactWriteItem
                    {
                        Put = new Put
                        {
                            TableName = table.Name,
                            Item = ProjectionItems.Item(changes[i], now),
                            ConditionExpression = ProjectionItems.NewerOnly,
                            ExpressionAttributeValues = ProjectionItems.NewerOnlyValues(changes[i]),
                        },
                    })],
                }, cancellationToken);
                foreach (var i in pending)
                {
                    applied[i] = true;
                }

                return applied;
            }
            catch (TransactionCanceledException ex) when (OnlyRefusals(ex, pending.Count) is { } refused)
            {
                activity?.SetTag("myservice.projection.skipped", refused.Count);
                pending = [.. pending.Where((_, position) => !refused.Contains(position))];
            }
            catch (TransactionCanceledException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
                foreach (var i in pending)
                {
                    applied[i] = await ApplyAsync(changes[i], cancellationToken);
                }

                return applied;
            }
        }

        return applied;
    }

    /// <summary>The positions refused by their condition, or null when anything else cancelled the transaction.</summary>
    private static HashSet<int>? OnlyRefusals(TransactionCanceledException ex, int count)
    {
        var reasons = ex.CancellationReasons;
        if (reasons is null || reasons.Count != count)
        {
            return null;
        }

        var refused = new HashSet<int>();
        for (var i = 0; i < reasons.Count; i++)
        {
            switch (reasons[i].Code)
            {
                case "ConditionalCheckFailed":
                    refused.Add(i);
                    break;
                case null or "" or "None":
                    break;
                default:
                    return null;
            }
        }

        return refused.Count > 0 ? refused : null;
    }

    public async Task<ProjectedEntity?> FindAsync(string entityType, long entityId, CancellationToken cancellationToken)
    {
        var response = await table.Client.GetItemAsync(new GetItemRequest
        {
            TableName = table.Name,
            Key = new() { ["pk"] = new(ProjectionItems.PartitionKey(entityType, entityId)), ["sk"] = new(ProjectionItems.StateSortKey) },
            ConsistentRead = true,
        }, cancellationToken);
        if (!response.IsItemSet || response.Item.ContainsKey("deleted"))
        {
            return null;
        }

        var item = response.Item;
        return new ProjectedEntity(entityType, entityId, ProjectionItems.ReadNumber(item["version"]), ProjectionItems.ReadNumber(item["sequence"]), item["payload"].S);
    }
}
