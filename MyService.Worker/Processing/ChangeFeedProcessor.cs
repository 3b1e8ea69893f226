using System.Diagnostics;
using Microsoft.Extensions.Options;
using MyService.Worker.Feed;
using MyService.Worker.Projection;

namespace MyService.Worker.Processing;

/// <summary>
/// Applies one page of the feed, then moves the checkpoint to the page's end. Events of one entity are applied
/// one after another in sequence order; different entities in parallel (one DynamoDB write each, so a page costs
/// a few round trips instead of one per event). The checkpoint moves only after every write of the page
/// succeeded; a crash before that replays the page, which the projection's version rule turns into no-ops.
/// At-least-once delivery, exactly-once effect.
/// </summary>
internal sealed class ChangeFeedProcessor(IProjectionStore projection, ICheckpointStore checkpoints, IOptions<WorkerOptions> options, TimeProvider clock)
{
    /// <param name="position">The checkpoint the page was read after.</param>
    public async Task<BatchResult> ApplyAsync(FeedPage page, long position, CancellationToken cancellationToken)
    {
        var applied = 0;
        var entities = page.Events.GroupBy(e => (e.EntityType, e.EntityId));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(entities, parallel, async (changes, token) =>
        {
            foreach (var change in changes)
            {
                if (await ApplyAsync(change, token))
                {
                    Interlocked.Increment(ref applied);
                }
            }
        });

        // An idle poll moves nothing: no write (the conditional put would only fail, twice a second).
        if (page.LastSequence > position)
        {
            await checkpoints.SaveAsync(page.LastSequence, cancellationToken);
        }

        return new BatchResult(page.Events.Count, applied, Math.Max(page.LastSequence, position), page.Events.Count > 0 ? page.Events[^1].Timestamp : null);
    }

    private async ValueTask<bool> ApplyAsync(FeedEvent change, CancellationToken cancellationToken)
    {
        using var activity = StartProcessing(change);
        var changed = await projection.ApplyAsync(change, cancellationToken);
        var outcome = changed ? "applied" : "skipped";
        activity?.SetTag("myservice.projection.outcome", outcome);
        WorkerTelemetry.Events.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        WorkerTelemetry.Lag.Record((clock.GetUtcNow() - change.Timestamp).TotalSeconds);
        return changed;
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
