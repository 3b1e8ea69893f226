namespace MyService.Api.Storage;

/// <summary>
/// Storage for one entity type. Every write also appends a change event in the same transaction (docs/ARCHITECTURE.md).
/// <paramref name="expectedVersion"/> is the client's If-Match; null means unconditional.
/// </summary>
public interface IEntityStore<TEntity, in TInput> where TEntity : class, IEntity
{
    Task<TEntity?> FindAsync(long id, CancellationToken cancellationToken);

    /// <summary>Entities in id order, strictly after <paramref name="afterId"/>.</summary>
    Task<IReadOnlyList<TEntity>> ListAsync(long afterId, int limit, CancellationToken cancellationToken);

    Task<WriteResult<TEntity>> CreateAsync(TInput input, CancellationToken cancellationToken);

    Task<WriteResult<TEntity>> UpdateAsync(long id, TInput input, long? expectedVersion, CancellationToken cancellationToken);

    Task<WriteResult<TEntity>> DeleteAsync(long id, long? expectedVersion, CancellationToken cancellationToken);
}
