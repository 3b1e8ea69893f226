using System.Globalization;
using System.Runtime.InteropServices;
using Amazon.DynamoDBv2.Model;
using MyService.Worker.Feed;

namespace MyService.Worker.Projection;

/// <summary>
/// The projection's item for an event, and its one rule as a condition: only a higher version than the one stored
/// may replace it, which makes replays and duplicates no-ops and keeps an old event from resurrecting a deleted
/// entity (a delete leaves a tombstone, expired by DynamoDB TTL after a week).
/// </summary>
internal static class ProjectionItems
{
    public const string StateSortKey = "state";

    public const string NewerOnly = "attribute_not_exists(pk) OR version < :v";

    /// <summary>DynamoDB's limits for one TransactWriteItems: 100 items, 4 MB in all (kept under by a margin).</summary>
    public const int MaxTransactionItems = 100;

    private const int MaxTransactionBytes = 3 * 1024 * 1024;

    // Longer than any replay: the checkpoint only lags the feed by a batch.
    private static readonly TimeSpan TombstoneLifetime = TimeSpan.FromDays(7);

    public static string PartitionKey(string entityType, long entityId) =>
        string.Create(CultureInfo.InvariantCulture, $"{entityType}#{entityId}");

    public static Dictionary<string, AttributeValue> Item(FeedEvent change, DateTimeOffset now)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            ["pk"] = new(PartitionKey(change.EntityType, change.EntityId)),
            ["sk"] = new(StateSortKey),
            ["entityType"] = new(change.EntityType),
            ["entityId"] = Number(change.EntityId),
            ["version"] = Number(change.Version),
            ["sequence"] = Number(change.Sequence),
            ["projectedAt"] = new(now.ToString("O", CultureInfo.InvariantCulture)),
        };
        if (change.IsDelete)
        {
            item["deleted"] = new AttributeValue { BOOL = true };
            item["expiresAt"] = Number(now.Add(TombstoneLifetime).ToUnixTimeSeconds());
        }
        else
        {
            item["payload"] = new(change.Payload?.GetRawText() ?? "null");
        }

        return item;
    }

    public static Dictionary<string, AttributeValue> NewerOnlyValues(FeedEvent change) => new() { [":v"] = Number(change.Version) };

    /// <summary>An upper bound of the item's size as DynamoDB counts it (names and values), for a transaction's 4 MB.</summary>
    /// <remarks>The payload is stored as its raw JSON text, which DynamoDB counts in UTF-8 bytes: read in place, not copied.</remarks>
    public static int SizeBound(FeedEvent change) => 512 + (change.Payload is { } payload ? JsonMarshal.GetRawUtf8Value(payload).Length : 0);

    /// <summary>Splits distinct entities' changes into transactions within DynamoDB's limits.</summary>
    public static IEnumerable<List<FeedEvent>> Transactions(IEnumerable<FeedEvent> changes)
    {
        var chunk = new List<FeedEvent>(MaxTransactionItems);
        var bytes = 0;
        foreach (var change in changes)
        {
            var size = ProjectionItems.SizeBound(change);
            if (chunk.Count == MaxTransactionItems || (chunk.Count > 0 && bytes + size > MaxTransactionBytes))
            {
                yield return chunk;
                chunk = new List<FeedEvent>(MaxTransactionItems);
                bytes = 0;
            }

            chunk.Add(change);
            bytes += size;
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    public static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static long ReadNumber(AttributeValue value) => long.Parse(value.N, CultureInfo.InvariantCulture);
}
