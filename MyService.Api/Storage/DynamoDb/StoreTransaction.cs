using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace MyService.Api.Storage.DynamoDb;

/// <summary>What one write changes: the items besides its event, and what its event says.</summary>
internal sealed record PlannedChange(IReadOnlyList<TransactWriteItem> Items, long EntityId, string Operation, long Version, JsonElement? Payload);

/// <summary>How a transaction ended: committed, or refused by the condition of the item at <see cref="RefusedItem"/>.</summary>
internal readonly record struct CommitResult(bool Committed, int RefusedItem)
{
    public static CommitResult Success => new(true, -1);

    public static CommitResult Refused(int item) => new(false, item);
}

/// <summary>
/// Commits an entity change and its change event in one TransactWriteItems, under a fresh event sequence number.
/// Conditional-check failures are answers (404, 409, 412) and are never retried; a transaction conflict, throttling
/// or a sequence number voided by a reader leaves nothing written and is retried with backoff under a new number.
/// Throttling and 5xx on single calls are retried by the SDK (standard retry mode).
/// </summary>
internal sealed class StoreTransaction(StoreTable table, StoreCounters counters, StoreEvents events, CommitSignal commits, TimeProvider clock)
{
    private const int MaxAttempts = 6;
    private static readonly HashSet<string> Transient = ["TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded"];

    /// <summary>A new id for <paramref name="entityType"/>.</summary>
    public Task<long> NextIdAsync(string entityType, CancellationToken cancellationToken) => counters.NextAsync(entityType, cancellationToken);

    public async Task<CommitResult> CommitAsync(
        string entityType, Func<DateTimeOffset, PlannedChange> plan, string? traceParent, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var sequence = await counters.NextAsync(StoreKeys.EventCounter, cancellationToken);
            // Its span is what the event's traceparent names, so the worker's processing shows under the commit.
            using var activity = StorageSpans.StartClient("aws.dynamodb", "TransactWriteItems", table.Name);
            activity?.SetTag("myservice.event.sequence", sequence);
            // Stamped after the number was taken: the change feed's settle rule depends on that order.
            var now = clock.GetUtcNow();
            var change = plan(now);
            var changeEvent = new ChangeEvent(
                sequence, entityType, change.EntityId, change.Operation, change.Version, now, change.Payload, TraceParent.Of(activity) ?? traceParent);
            var request = new TransactWriteItemsRequest
            {
                TransactItems =
                [
                    .. change.Items,
                    new TransactWriteItem { Put = new Put { TableName = table.Name, Item = EventItems.ToItem(changeEvent), ConditionExpression = EventItems.OnlyIfFree } },
                ],
                // Makes the SDK's own retries of this call idempotent.
                ClientRequestToken = Guid.NewGuid().ToString("N"),
            };
            try
            {
                await table.Client.TransactWriteItemsAsync(request, cancellationToken);
                commits.Pulse();
                return CommitResult.Success;
            }
            catch (TransactionCanceledException ex)
            {
                var codes = ex.CancellationReasons?.Select(r => r.Code ?? "None").ToList() ?? [];
                var refused = codes.FindIndex(code => code == "ConditionalCheckFailed");
                if (refused >= 0 && refused < change.Items.Count)
                {
                    await events.ReleaseAsync(sequence, cancellationToken);
                    // The void fills the hole that held waiting readers back from the events after it.
                    commits.Pulse();
                    return CommitResult.Refused(refused);
                }

                var retryable = refused == change.Items.Count || codes.Any(Transient.Contains);
                if (refused < 0)
                {
                    await events.ReleaseAsync(sequence, cancellationToken);
                    commits.Pulse();
                }

                if (!retryable || attempt == MaxAttempts)
                {
                    throw;
                }
            }

            await Task.Delay(Backoff(attempt), clock, cancellationToken);
        }
    }

    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(1000, 25 * Math.Pow(2, attempt)) * (0.5 + Random.Shared.NextDouble() / 2));
}
