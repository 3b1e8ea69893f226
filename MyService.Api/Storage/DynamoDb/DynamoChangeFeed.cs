using Amazon.DynamoDBv2.Model;

namespace MyService.Api.Storage.DynamoDb;

/// <summary>
/// The change feed on DynamoDB. Writers on many tasks take sequence numbers from an atomic counter and commit in
/// any order, so number order is not commit order: event 11 can be visible while 10 is still being written. A
/// reader that returned 11 would let its consumer move past 10 for good. So a page ends at the first hole, and a
/// hole is only passed once it holds a void: written by a refused write at once, or by this reader when the hole
/// has settled (an event after it is older than <see cref="SettleWindow"/>). The void is a conditional put that
/// excludes the event for that number, so a late writer then fails (and retries under a new number) instead of
/// committing an event nobody will read. Sequence order is therefore consumer-visible commit order.
/// </summary>
internal sealed class DynamoChangeFeed(StoreTable table, StoreEvents events, CommitSignal commits, TimeProvider clock) : IChangeFeed
{
    /// <summary>Far above a write's duration; a hole younger than this may still be filled by its writer.</summary>
    public static readonly TimeSpan SettleWindow = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A waiting reader is woken at once by this task's commits; other tasks write the same table unseen, so it
    /// reads again this often: their events reach it within this (plus a Query) instead of at once.
    /// </summary>
    public static readonly TimeSpan OtherWritersPoll = TimeSpan.FromMilliseconds(250);

    public Task NextCommit => commits.Next;

    public TimeSpan? PollInterval => OtherWritersPoll;

    public async Task<EventPage> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        var result = new List<ChangeEvent>(limit);
        var position = afterSequence;
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var response = await table.Client.QueryAsync(new QueryRequest
            {
                TableName = table.Name,
                KeyConditionExpression = "pk = :p AND sk > :after",
                ExpressionAttributeValues = new()
                {
                    [":p"] = new AttributeValue(StoreKeys.EventPartition),
                    [":after"] = new AttributeValue(StoreKeys.Number(afterSequence)),
                },
                ExclusiveStartKey = startKey,
                Limit = limit,
                ConsistentRead = true,
            }, cancellationToken);
            foreach (var item in response.Items)
            {
                var sequence = EventItems.Sequence(item);
                if (sequence != position + 1 && !await PassHoleAsync(position + 1, sequence, item, cancellationToken))
                {
                    return new EventPage(result, position);
                }

                position = sequence;
                if (!EventItems.IsVoid(item))
                {
                    result.Add(EventItems.FromItem(item));
                }

                if (result.Count == limit)
                {
                    return new EventPage(result, position);
                }
            }

            startKey = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (startKey is not null && position - afterSequence < limit * 4L);

        return new EventPage(result, position);
    }

    /// <summary>Voids <paramref name="from"/>..<paramref name="to"/>-1 when settled; false when the page must end before them.</summary>
    private async Task<bool> PassHoleAsync(long from, long to, Dictionary<string, AttributeValue> next, CancellationToken cancellationToken)
    {
        // The counter handed out the missing numbers before `to`, and `to`'s event was stamped after it got its
        // number: if that stamp is old, the missing numbers are at least as old.
        if (clock.GetUtcNow() - EventItems.ReadTimestamp(next) < SettleWindow)
        {
            return false;
        }

        for (var sequence = from; sequence < to; sequence++)
        {
            if (!await events.TryVoidAsync(sequence, cancellationToken))
            {
                // Its event committed meanwhile: end the page here and let the next read return it in order.
                return false;
            }
        }

        return true;
    }
}
