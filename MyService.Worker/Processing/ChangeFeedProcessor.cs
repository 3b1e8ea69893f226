using System.Diagnostics;
using Microsoft.Extensions.Options;
using MyService.Worker.Feed;
using MyService.Worker.Projection;

namespace MyService.Worker.Processing;

/// <summary>
/// Applies one page of the feed, then moves the checkpoint to the page's end. The checkpoint moves only after every
/// write of the page succeeded; a crash before that replays the page, which the projection's version rule turns
/// into no-ops. At-least-once delivery, exactly-once effect. Two ways to write a page:
/// <list type="bullet">
/// <item>Following the feed (a page under <see cref="WorkerOptions.TogetherFrom"/> events): one conditional write per
/// event, events of one entity in sequence order, different entities in parallel; each in its request's trace.</item>
/// <item>Catching up: only each entity's newest event of the page (the projection keeps the latest version, and the
/// version rule would refuse the older ones anyway), in transactions of up to 100 entities, several at once.</item>
/// </list>
/// </summary>
internal sealed class ChangeFeedProcessor(IProjectionStore projection, ICheckpointStore checkpoints, IOptions<WorkerOptions> options, TimeProvider clock)
{
    /// <param name="position">The checkpoint the page was read after.</param>
    public async Task<BatchResult> ApplyAsync(FeedPage page, long position, CancellationToken cancellationToken)
    {
        var applied = page.Events.Count >= options.Value.TogetherFrom
            ? await ApplyTogetherAsync(page, cancellationToken)
            : await ApplyEachAsync(page, cancellationToken);

        // An empty page moves nothing: no write (the conditional put would only fail).
        if (page.LastSequence > position)
        {
            await checkpoints.SaveAsync(page.LastSequence, cancellationToken);
        }

        return new BatchResult(page.Events.Count, applied, Math.Max(page.LastSequence, position), page.Events.Count > 0 ? page.Events[^1].Timestamp : null);
    }

    private async Task<int> ApplyEachAsync(FeedPage page, CancellationToken cancellationToken)
    {
        var applied = 0;
        var entities = page.Events.GroupBy(e => (e.EntityType, e.EntityId));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(entities, parallel, async (changes, token) =>
        {
            foreach (var change in changes)
            {
                using var activity = StartProcessing(change);
                if (Record(activity, change, await projection.ApplyAsync(change, token) ? "applied" : "skipped"))
                {
                    Interlocked.Increment(ref applied);
                }
            }
        });
        return applied;
    }

    private async Task<int> ApplyTogetherAsync(FeedPage page, CancellationToken cancellationToken)
    {
        // By reference: a FeedEvent's record equality would compare its JSON payloads.
        var newest = page.Events.GroupBy(e => (e.EntityType, e.EntityId)).Select(g => g.MaxBy(e => e.Version)!).ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var change in page.Events.Where(e => !newest.Contains(e)))
        {
            using var activity = StartProcessing(change);
            Record(activity, change, "superseded");
        }

        var applied = 0;
        var transactions = ProjectionItems.Transactions(page.Events.Where(newest.Contains));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(transactions, parallel, async (changes, token) =>
        {
            // Each event keeps its span in its request's trace; the one DynamoDB call is a child of the first of them.
            var outer = Activity.Current;
            var spans = changes.Select(StartProcessing).ToList();
            Activity.Current = spans[0] ?? outer;
            try
            {
                var results = await projection.ApplyTogetherAsync(changes, token);
                for (var i = 0; i < changes.Count; i++)
                {
                    if (Record(spans[i], changes[i], results[i] ? "applied" : "skipped"))
                    {
                        Interlocked.Increment(ref applied);
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                foreach (var span in spans)
                {
                    span?.SetStatus(ActivityStatusCode.Error, ex.Message);
                }

                throw;
            }
            finally
            {
                Activity.Current = outer;
                // Ended whatever happened, so a failed call's spans are exported too.
                spans.ForEach(span => span?.Dispose());
            }
        });
        return applied;
    }

    /// <summary>Tags and counts the outcome; true when the event changed the projection.</summary>
    private bool Record(Activity? activity, FeedEvent change, string outcome)
    {
        activity?.SetTag("myservice.projection.outcome", outcome);
        WorkerTelemetry.Events.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        WorkerTelemetry.Lag.Record((clock.GetUtcNow() - change.Timestamp).TotalSeconds);
        return outcome == "applied";
    }

    /// <summary>A consumer span in the trace of the request that caused the event (its W3C traceparent).</summary>
    private static Activity? StartProcessing(FeedEvent change)
    {
        ActivityContext.TryParse(change.TraceParent, null, out var parent);
        var activity = WorkerTelemetry.Source.StartActivity($"project {change.EntityType}", ActivityKind.Consumer, parent);
        activity?.SetTag("myservice.event.sequence", change.Sequence);
        activity?.SetTag("myservice.entity.type", change.EntityType);
        activity?.SetTag("myservice.entity.id", change.EntityId);
        activity?.SetTag("myservice.entity.version", change.Version);
        activity?.SetTag("myservice.event.operation", change.Operation);
        return activity;
    }
}

/// <summary>What one page did: events read, events that changed the projection, the new checkpoint.</summary>
internal sealed record BatchResult(int Events, int Applied, long Checkpoint, DateTimeOffset? LastEventTimestamp);
