using MyService.Worker.Feed;

namespace MyService.Worker.Projection;

/// <summary>The read model the worker maintains: the latest version of every entity.</summary>
public interface IProjectionStore
{
    /// <summary>
    /// Applies <paramref name="change"/> unless the projection already holds its version or a newer one (then it is
    /// a duplicate or arrived out of order and changes nothing). True when it changed the projection.
    /// </summary>
    Task<bool> ApplyAsync(FeedEvent change, CancellationToken cancellationToken);

    /// <summary>The projected entity, or null when absent or deleted.</summary>
    Task<ProjectedEntity?> FindAsync(string entityType, long entityId, CancellationToken cancellationToken);
}

public sealed record ProjectedEntity(string EntityType, long EntityId, long Version, long Sequence, string Payload);
