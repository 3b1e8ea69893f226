using Amazon.Runtime;
using Microsoft.Extensions.Options;
using MyService.Worker.Feed;
using MyService.Worker.Projection;

namespace MyService.Worker.Processing;

/// <summary>
/// The loop: read a page after the checkpoint, apply it, repeat. Caught up, the read itself waits in the API for the
/// next event (<see cref="WorkerOptions.FeedWait"/>), so the loop neither spins nor sleeps: it reads again at once and
/// hears of a commit as it happens. The API or DynamoDB away: capped exponential backoff, then carry on from the checkpoint;
/// at the start, while they are still coming up beside the worker, a short flat retry instead.
/// Shutdown (SIGTERM) stops reading, but a page being applied is finished first, within the host's shutdown timeout.
/// </summary>
internal sealed partial class ProjectionWorker(
    IChangeFeedSource feed,
    ICheckpointStore checkpoints,
    ChangeFeedProcessor processor,
    WorkerStatus status,
    IOptions<WorkerOptions> options,
    TimeProvider clock,
    ILogger<ProjectionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var backoff = new Backoff(settings.MinBackoff, settings.MaxBackoff);
        var startedAt = clock.GetUtcNow();
        long? position = null;
        ReadAhead? prefetched = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                position ??= await checkpoints.LoadAsync(stoppingToken);
                // Without a read ahead (the first read, or the first after a failure) the API answers at once, even
                // caught up: the loop, and its health, know within a round trip that the feed is there.
                var page = await (prefetched?.Read ?? feed.ReadAsync(position.Value, settings.BatchSize, 0, stoppingToken));
                prefetched?.Cancel.Dispose();
                // The next page is read while this one is projected: in a backlog a page then costs its DynamoDB
                // writes and not also a round trip to the API, and caught up the next read already waits in the
                // API, so an event that commits during this page's writes is on its way at once.
                var cancel = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                prefetched = new(feed.ReadAsync(page.LastSequence, settings.BatchSize, settings.FeedWaitSeconds, cancel.Token), cancel);
                // Not the stopping token: a started page is finished, so shutdown never leaves half a batch behind.
                var result = await processor.ApplyAsync(page, position.Value, CancellationToken.None);
                if (result.Events > 0)
                {
                    LogBatch(logger, result.Events, result.Applied, result.Checkpoint);
                }

                position = result.Checkpoint;
                // The first success after failed tries at the start: say that the wait is over.
                if (!status.HasSucceeded && status.Current.LastError is not null)
                {
                    var startedIn = clock.GetUtcNow() - startedAt;
                    LogStarted(logger, startedIn.TotalMilliseconds, result.Checkpoint);
                }

                status.Succeeded(result.Checkpoint);
                backoff.Reset();
                // No pause after a page, full or empty: an empty one already waited in the API.
                wait = TimeSpan.Zero;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Shutdown while a read waited in the API: nothing was read, so nothing is left half done.
                _ = Discard(prefetched);
                return;
            }
            catch (Exception ex) when (IsUnavailable(ex) && !stoppingToken.IsCancellationRequested)
            {
                // The page read ahead starts after a page that was not checkpointed: read again from the checkpoint.
                prefetched = Discard(prefetched);
                // Nothing makes the worker wait for the API and its table: at the start they are most likely coming
                // up beside it, so it tries again soon, without backing off, and says so once, not per try.
                var starting = !status.HasSucceeded && clock.GetUtcNow() - startedAt < settings.StartPatience;
                var firstFailure = status.Current.LastError is null;
                wait = starting ? settings.StartRetry : backoff.Next();
                status.Failed(ex);
                if (!starting)
                {
                    LogUnavailable(logger, wait.TotalMilliseconds, ex.GetType().Name, ex.Message);
                }
                else if (firstFailure)
                {
                    var error = ex.GetType().Name;
                    LogWaitingAtStart(logger, wait.TotalMilliseconds, error, ex.Message);
                }
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>
    /// Drops a read ahead whose page will not be used: cancelled, so a long poll does not stay open in the API through
    /// the backoff; its failure, if any, is observed here.
    /// </summary>
    private static ReadAhead? Discard(ReadAhead? ahead)
    {
        if (ahead is (var read, var cancel))
        {
            cancel.Cancel();
            read.ContinueWith(t => { _ = t.Exception; cancel.Dispose(); }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return null;
    }

    /// <summary>The next page's read, started while this page is projected, and what cancels it.</summary>
    private sealed record ReadAhead(Task<FeedPage> Read, CancellationTokenSource Cancel);

    /// <summary>The API or DynamoDB not answering (after their own retries): worth waiting for, not a bug.</summary>
    private static bool IsUnavailable(Exception ex) => ex is HttpRequestException
        or TaskCanceledException
        // The AWS SDK reports its own request timeout (a peer that accepts but never answers) as TimeoutException.
        or TimeoutException
        or Polly.ExecutionRejectedException
        or AmazonServiceException
        or AmazonClientException;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Projected {Events} event(s), {Applied} applied; checkpoint {Checkpoint}")]
    private static partial void LogBatch(ILogger logger, int events, int applied, long checkpoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting for the change feed and the projection table to answer; trying every {DelayMs:F0} ms ({Error}: {Message})")]
    private static partial void LogWaitingAtStart(ILogger logger, double delayMs, string error, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "The change feed and the projection table answered {ElapsedMs:F0} ms after the start; checkpoint {Checkpoint}")]
    private static partial void LogStarted(ILogger logger, double elapsedMs, long checkpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Change feed or projection unavailable; retrying in {DelayMs:F0} ms ({Error}: {Message})")]
    private static partial void LogUnavailable(ILogger logger, double delayMs, string error, string message);
}
