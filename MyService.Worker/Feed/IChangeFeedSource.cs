namespace MyService.Worker.Feed;

/// <summary>Where the worker reads change events from.</summary>
public interface IChangeFeedSource
{
    /// <summary>
    /// The events after <paramref name="afterSequence"/>; when there are none yet, the source waits up to
    /// <paramref name="waitSeconds"/> for one to commit before it answers with an empty page.
    /// </summary>
    Task<FeedPage> ReadAsync(long afterSequence, int limit, int waitSeconds, CancellationToken cancellationToken);
}
