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

    /// <summary>
    /// Applies <paramref name="changes"/>, at most one per entity and within one transaction's limits
    /// (<see cref="ProjectionItems.Transactions"/>), together; each under the same rule as <see cref="ApplyAsync"/>. Element i of the result is true when change i changed the projection.
    /// </summary>
    Task<bool[]> ApplyTogetherAsync(IReadOnlyList<FeedEvent> changes, CancellationToken cancellationToken);

    /// <summary>The projected entity, or null when absent or deleted.</summary>
    Task<ProjectedEntity?> FindAsync(string entityType, long entityId, CancellationToken cancellationToken);
}

public sealed record ProjectedEntity(string EntityType, long EntityId, long Version, long Sequence, string Payload);
