using System.Globalization;
using Amazon.DynamoDBv2.Model;
using MyService.Worker.Feed;
using MyService.Worker.Processing;

namespace MyService.Worker.Projection;

/// <summary>
/// Applies events with one conditional write each: only a higher version than the one stored may replace it. That
/// single rule makes replays and duplicates no-ops, lets a version gap through (the event carries the whole
/// entity, so the newest version wins), and keeps an old event from resurrecting a deleted entity: a delete leaves
/// a tombstone (version, no payload) instead of removing the item, expired by DynamoDB TTL after a week.
/// </summary>
internal sealed class DynamoProjectionStore(ProjectionTable table, TimeProvider clock) : IProjectionStore
{
    public const string StateSortKey = "state";

    // Longer than any replay: the checkpoint only lags the feed by a batch.
    private static readonly TimeSpan TombstoneLifetime = TimeSpan.FromDays(7);

    public static string PartitionKey(string entityType, long entityId) =>
        string.Create(CultureInfo.InvariantCulture, $"{entityType}#{entityId}");

    public async Task<bool> ApplyAsync(FeedEvent change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var item = new Dictionary<string, AttributeValue>
        {
            ["pk"] = new(PartitionKey(change.EntityType, change.EntityId)),
            ["sk"] = new(StateSortKey),
            ["entityType"] = new(change.EntityType),
            ["entityId"] = Number(change.EntityId),
            ["version"] = Number(change.Version),
            ["sequence"] = Number(change.Sequence),
            ["projectedAt"] = new(clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)),
        };
        if (change.IsDelete)
        {
            item["deleted"] = new AttributeValue { BOOL = true };
            item["expiresAt"] = Number(clock.GetUtcNow().Add(TombstoneLifetime).ToUnixTimeSeconds());
        }
        else
        {
            item["payload"] = new(change.Payload?.GetRawText() ?? "null");
        }

        using var activity = WorkerTelemetry.StartDynamoDB("PutItem", table.Name);
        try
        {
            await table.Client.PutItemAsync(new PutItemRequest
            {
                TableName = table.Name,
                Item = item,
                ConditionExpression = "attribute_not_exists(pk) OR version < :v",
                ExpressionAttributeValues = new() { [":v"] = Number(change.Version) },
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

    public async Task<ProjectedEntity?> FindAsync(string entityType, long entityId, CancellationToken cancellationToken)
    {
        var response = await table.Client.GetItemAsync(new GetItemRequest
        {
            TableName = table.Name,
            Key = new() { ["pk"] = new(PartitionKey(entityType, entityId)), ["sk"] = new(StateSortKey) },
            ConsistentRead = true,
        }, cancellationToken);
        if (!response.IsItemSet || response.Item.ContainsKey("deleted"))
        {
            return null;
        }

        var item = response.Item;
        return new ProjectedEntity(entityType, entityId, ReadNumber(item["version"]), ReadNumber(item["sequence"]), item["payload"].S);
    }

    private static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    private static long ReadNumber(AttributeValue value) => long.Parse(value.N, CultureInfo.InvariantCulture);
}
