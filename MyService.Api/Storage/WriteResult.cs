namespace MyService.Api.Storage;

public enum WriteOutcome
{
    Written,
    NotFound,
    Conflict,
    VersionMismatch,
}

/// <summary>The result of a write: the entity as written, or why nothing was written.</summary>
public sealed record WriteResult<TEntity>(WriteOutcome Outcome, TEntity? Entity = null, long? CurrentVersion = null, string? ConflictField = null)
    where TEntity : class
{
    public static WriteResult<TEntity> Written(TEntity entity) => new(WriteOutcome.Written, entity);

    public static WriteResult<TEntity> NotFound() => new(WriteOutcome.NotFound);

    public static WriteResult<TEntity> Conflict(string field) => new(WriteOutcome.Conflict, ConflictField: field);

    public static WriteResult<TEntity> VersionMismatch(long current) => new(WriteOutcome.VersionMismatch, CurrentVersion: current);
}
