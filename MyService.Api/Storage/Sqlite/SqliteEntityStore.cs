using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace MyService.Api.Storage.Sqlite;

/// <summary>
/// CRUD for one table plus the change event for each write, in the writer's transaction. Subclasses give the
/// table's own columns; id, version and timestamps are common to every entity.
/// </summary>
public abstract class SqliteEntityStore<TEntity, TInput>(SqliteDatabase database, TimeProvider clock)
    : IEntityStore<TEntity, TInput>
    where TEntity : class, IEntity
{
    private const int SqliteConstraintUnique = 2067;

    /// <summary>The table, e.g. <c>users</c>.</summary>
    protected abstract string Table { get; }

    /// <summary>The entity type written to the change feed, e.g. <c>user</c>.</summary>
    protected abstract string EntityType { get; }

    /// <summary>The table's own columns (besides id, version, created_at, updated_at), as <c>column</c> = <c>@Property</c>.</summary>
    protected abstract IReadOnlyList<(string Column, string Property)> Fields { get; }

    /// <summary>The field a UNIQUE violation is reported against (a 409), if the table has one.</summary>
    protected virtual string? UniqueField => null;

    /// <summary>The Dapper parameters for <paramref name="input"/>, named after <see cref="Fields"/>' properties.</summary>
    protected abstract DynamicParameters Parameters(TInput input);

    // Built once on first use (not in the constructor: the abstract members belong to the subclass).
    private EntitySql? _sql;

    private EntitySql Sql => _sql ??= new EntitySql(Table, Fields);

    public async Task<TEntity?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<TEntity>(
            new CommandDefinition(Sql.Find, new { id }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<TEntity>> ListAsync(long afterId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken);
        var rows = await connection.QueryAsync<TEntity>(new CommandDefinition(
            Sql.List,
            new { afterId, limit },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    public Task<WriteResult<TEntity>> CreateAsync(TInput input, CancellationToken cancellationToken)
    {
        var trace = TraceParent.Current();
        var parameters = Parameters(input);
        parameters.Add("now", clock.GetUtcNow());
        return WriteAsync(async (connection, transaction) =>
        {
            var entity = await connection.QuerySingleAsync<TEntity>(Sql.Insert, parameters, transaction);
            await AppendEventAsync(connection, transaction, entity.Id, ChangeOperations.Created, entity.Version, entity, trace);
            return WriteResult<TEntity>.Written(entity);
        }, cancellationToken);
    }

    public Task<WriteResult<TEntity>> UpdateAsync(long id, TInput input, long? expectedVersion, CancellationToken cancellationToken)
    {
        var trace = TraceParent.Current();
        var parameters = Parameters(input);
        parameters.Add("id", id);
        parameters.Add("now", clock.GetUtcNow());
        return WriteAsync(async (connection, transaction) =>
        {
            if (await CheckVersionAsync(connection, transaction, id, expectedVersion) is { } refusal)
            {
                return refusal;
            }

            var entity = await connection.QuerySingleAsync<TEntity>(Sql.Update, parameters, transaction);
            await AppendEventAsync(connection, transaction, id, ChangeOperations.Updated, entity.Version, entity, trace);
            return WriteResult<TEntity>.Written(entity);
        }, cancellationToken);
    }

    public Task<WriteResult<TEntity>> DeleteAsync(long id, long? expectedVersion, CancellationToken cancellationToken)
    {
        var trace = TraceParent.Current();
        return WriteAsync(async (connection, transaction) =>
        {
            if (await CheckVersionAsync(connection, transaction, id, expectedVersion) is { } refusal)
            {
                return refusal;
            }

            var entity = await connection.QuerySingleAsync<TEntity>(Sql.Delete, new { id }, transaction);
            // A delete is one more version, so a consumer holding version N knows it is newer.
            await AppendEventAsync(connection, transaction, id, ChangeOperations.Deleted, entity.Version + 1, payload: null, trace);
            return WriteResult<TEntity>.Written(entity);
        }, cancellationToken);
    }

    private async Task<WriteResult<TEntity>> WriteAsync(
        Func<SqliteConnection, SqliteTransaction, Task<WriteResult<TEntity>>> work, CancellationToken cancellationToken)
    {
        try
        {
            return await database.WriteAsync(work, cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteExtendedErrorCode == SqliteConstraintUnique && UniqueField is { } field)
        {
            return WriteResult<TEntity>.Conflict(field);
        }
    }

    private async Task<WriteResult<TEntity>?> CheckVersionAsync(
        SqliteConnection connection, SqliteTransaction transaction, long id, long? expectedVersion)
    {
        var current = await connection.ExecuteScalarAsync<long?>(Sql.Version, new { id }, transaction);
        if (current is null)
        {
            return WriteResult<TEntity>.NotFound();
        }

        return expectedVersion is { } expected && expected != current ? WriteResult<TEntity>.VersionMismatch(current.Value) : null;
    }

    // The trace is captured by the caller: the write itself runs on the writer's loop, outside the request.
    private Task<int> AppendEventAsync(
        SqliteConnection connection, SqliteTransaction transaction, long id, string operation, long version, TEntity? payload, string? trace) =>
        connection.ExecuteAsync(
            """
            INSERT INTO events (entity_type, entity_id, operation, version, timestamp, payload, traceparent)
            VALUES (@EntityType, @id, @operation, @version, @now, @payload, @traceparent)
            """,
            new
            {
                EntityType,
                id,
                operation,
                version,
                now = clock.GetUtcNow(),
                payload = payload is null ? null : JsonSerializer.Serialize(payload, JsonSerializerOptions.Web),
                traceparent = trace,
            },
            transaction);
}
