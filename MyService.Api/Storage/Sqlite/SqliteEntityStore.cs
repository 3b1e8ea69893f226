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

    private string SelectColumns => string.Join(", ", Fields.Select(f => $"{f.Column} AS {f.Property}")
        .Prepend("id AS Id").Append("version AS Version").Append("created_at AS CreatedAt").Append("updated_at AS UpdatedAt"));

    public async Task<TEntity?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<TEntity>(
            new CommandDefinition($"SELECT {SelectColumns} FROM {Table} WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<TEntity>> ListAsync(long afterId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken);
        var rows = await connection.QueryAsync<TEntity>(new CommandDefinition(
            $"SELECT {SelectColumns} FROM {Table} WHERE id > @afterId ORDER BY id LIMIT @limit",
            new { afterId, limit },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    public Task<WriteResult<TEntity>> CreateAsync(TInput input, CancellationToken cancellationToken)
    {
        var parameters = Parameters(input);
        parameters.Add("now", clock.GetUtcNow());
        var columns = string.Join(", ", Fields.Select(f => f.Column));
        var values = string.Join(", ", Fields.Select(f => "@" + f.Property));
        var sql = $"INSERT INTO {Table} ({columns}, version, created_at, updated_at) VALUES ({values}, 1, @now, @now) RETURNING {SelectColumns}";
        return WriteAsync(async (connection, transaction) =>
        {
            var entity = await connection.QuerySingleAsync<TEntity>(sql, parameters, transaction);
            await AppendEventAsync(connection, transaction, entity.Id, ChangeOperations.Created, entity.Version, entity);
            return WriteResult<TEntity>.Written(entity);
        }, cancellationToken);
    }

    public Task<WriteResult<TEntity>> UpdateAsync(long id, TInput input, long? expectedVersion, CancellationToken cancellationToken)
    {
        var parameters = Parameters(input);
        parameters.Add("id", id);
        parameters.Add("now", clock.GetUtcNow());
        var assignments = string.Join(", ", Fields.Select(f => $"{f.Column} = @{f.Property}"));
        var sql = $"UPDATE {Table} SET {assignments}, version = version + 1, updated_at = @now WHERE id = @id RETURNING {SelectColumns}";
        return WriteAsync(async (connection, transaction) =>
        {
            if (await CheckVersionAsync(connection, transaction, id, expectedVersion) is { } refusal)
            {
                return refusal;
            }

            var entity = await connection.QuerySingleAsync<TEntity>(sql, parameters, transaction);
            await AppendEventAsync(connection, transaction, id, ChangeOperations.Updated, entity.Version, entity);
            return WriteResult<TEntity>.Written(entity);
        }, cancellationToken);
    }

    public Task<WriteResult<TEntity>> DeleteAsync(long id, long? expectedVersion, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, transaction) =>
        {
            if (await CheckVersionAsync(connection, transaction, id, expectedVersion) is { } refusal)
            {
                return refusal;
            }

            var entity = await connection.QuerySingleAsync<TEntity>(
                $"DELETE FROM {Table} WHERE id = @id RETURNING {SelectColumns}", new { id }, transaction);
            // A delete is one more version, so a consumer holding version N knows it is newer.
            await AppendEventAsync(connection, transaction, id, ChangeOperations.Deleted, entity.Version + 1, payload: null);
            return WriteResult<TEntity>.Written(entity);
        }, cancellationToken);

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
        var current = await connection.ExecuteScalarAsync<long?>($"SELECT version FROM {Table} WHERE id = @id", new { id }, transaction);
        if (current is null)
        {
            return WriteResult<TEntity>.NotFound();
        }

        return expectedVersion is { } expected && expected != current ? WriteResult<TEntity>.VersionMismatch(current.Value) : null;
    }

    private Task<int> AppendEventAsync(
        SqliteConnection connection, SqliteTransaction transaction, long id, string operation, long version, TEntity? payload) =>
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
                traceparent = TraceParent.Current(),
            },
            transaction);
}
