namespace MyService.Worker.Feed;

/// <summary>Where the worker reads change events from.</summary>
public interface IChangeFeedSource
{
    Task<FeedPage> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken);
}
