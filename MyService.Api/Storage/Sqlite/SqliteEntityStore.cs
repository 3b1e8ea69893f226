using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Data.Sqlite;
using MyService.Api.Http;

namespace MyService.Api.Storage.Sqlite;

/// <summary>
/// CRUD for one table plus the change event for each write, in the writer's transaction. Subclasses give the
/// table's own columns; id, version and timestamps are common to every entity. Every statement is a prepared one
/// of a session (<see cref="SqliteSession"/>), and rows are read by position, without reflection.
/// </summary>
public abstract class SqliteEntityStore<TEntity, TInput>(SqliteDatabase database, TimeProvider clock)
    : IEntityStore<TEntity, TInput>
    where TEntity : class, IEntity
{
    private const int SqliteConstraintUnique = 2067;

    private const string InsertEvent = """
        INSERT INTO events (entity_type, entity_id, operation, version, timestamp, payload, traceparent)
        VALUES (@entity_type, @entity_id, @operation, @version, @timestamp, @payload, @traceparent)
        """;

    /// <summary>The table, e.g. <c>users</c>.</summary>
    protected abstract string Table { get; }

    /// <summary>The entity type written to the change feed, e.g. <c>user</c>.</summary>
    protected abstract string EntityType { get; }

    /// <summary>The table's own columns (besides id, version, created_at, updated_at); each is bound as <c>@column</c>.</summary>
    protected abstract IReadOnlyList<string> Fields { get; }

    /// <summary>The field a UNIQUE violation is reported against (a 409), if the table has one.</summary>
    protected virtual string? UniqueField => null;

    /// <summary>Binds <paramref name="input"/> to the <c>@column</c> parameters of <see cref="Fields"/>.</summary>
    protected abstract void Bind(SqliteCommand command, TInput input);

    /// <summary>The entity of <paramref name="row"/>; its own columns start at <paramref name="firstField"/>, in <see cref="Fields"/> order.</summary>
    protected abstract TEntity Read(SqliteDataReader row, in EntityColumns common, int firstField);

    // Built once on first use (not in the constructor: the abstract members belong to the subclass).
    private EntitySql? _sql;

    private EntitySql Sql => _sql ??= new EntitySql(Table, Fields);

    private static JsonTypeInfo<TEntity> PayloadJson => (JsonTypeInfo<TEntity>)ApiJsonContext.Default.GetTypeInfo(typeof(TEntity))!;

    // Reads are synchronous (Microsoft.Data.Sqlite's async methods are too): a point read takes microseconds.
    public Task<TEntity?> FindAsync(long id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var activity = SqliteTelemetry.StartClient("SELECT", Table);
        using var session = database.RentReader();
        using var reader = session.Statement(Sql.Find).Set("@id", id).ExecuteReader();
        return Task.FromResult(reader.Read() ? ReadRow(reader) : null);
    }

    public Task<IReadOnlyList<TEntity>> ListAsync(long afterId, int limit, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var activity = SqliteTelemetry.StartClient("SELECT", Table);
        using var session = database.RentReader();
        using var reader = session.Statement(Sql.List).Set("@afterId", afterId).Set("@limit", limit).ExecuteReader();
        var rows = new List<TEntity>(Math.Min(limit, 1024));
        while (reader.Read())
        {
            rows.Add(ReadRow(reader));
        }

        return Task.FromResult<IReadOnlyList<TEntity>>(rows);
    }

    public async Task<WriteResult<TEntity>> CreateAsync(TInput input, CancellationToken cancellationToken)
    {
        // The span covers the queue and the group commit; the event carries it as its traceparent, so the worker's
        // processing shows under the commit in the request's trace.
        using var activity = SqliteTelemetry.StartClient("INSERT", Table);
        var trace = TraceParent.Current();
        return await WriteAsync(session =>
        {
            var command = session.Statement(Sql.Insert).Set("@now", SqliteTimestamps.Format(clock.GetUtcNow()));
            Bind(command, input);
            var entity = QuerySingle(command);
            AppendEvent(session, entity.Id, ChangeOperations.Created, entity.Version, entity, trace);
            return WriteResult<TEntity>.Written(entity);
        }, cancellationToken);
    }

    public async Task<WriteResult<TEntity>> UpdateAsync(long id, TInput input, long? expectedVersion, CancellationToken cancellationToken)
    {
        // The span covers the queue and the group commit; the event carries it as its traceparent, so the worker's
        // processing shows under the commit in the request's trace.
        using var activity = SqliteTelemetry.StartClient("UPDATE", Table);
        var trace = TraceParent.Current();
        return await WriteAsync(session =>
        {
            var command = session.Statement(Sql.Update).Set("@id", id).Set("@expected", expectedVersion)
                .Set("@now", SqliteTimestamps.Format(clock.GetUtcNow()));
            Bind(command, input);
            if (QueryOptional(command) is not { } entity)
            {
                return Refusal(session, id);
            }

            AppendEvent(session, id, ChangeOperations.Updated, entity.Version, entity, trace);
            return WriteResult<TEntity>.Written(entity);
        }, cancellationToken);
    }

    public async Task<WriteResult<TEntity>> DeleteAsync(long id, long? expectedVersion, CancellationToken cancellationToken)
    {
        // The span covers the queue and the group commit; the event carries it as its traceparent, so the worker's
        // processing shows under the commit in the request's trace.
        using var activity = SqliteTelemetry.StartClient("DELETE", Table);
        var trace = TraceParent.Current();
        return await WriteAsync(session =>
        {
            if (QueryOptional(session.Statement(Sql.Delete).Set("@id", id).Set("@expected", expectedVersion)) is not { } entity)
            {
                return Refusal(session, id);
            }

            // A delete is one more version, so a consumer holding version N knows it is newer.
            AppendEvent(session, id, ChangeOperations.Deleted, entity.Version + 1, payload: null, trace);
            return WriteResult<TEntity>.Written(entity);
        }, cancellationToken);
    }

    private async Task<WriteResult<TEntity>> WriteAsync(Func<SqliteSession, WriteResult<TEntity>> work, CancellationToken cancellationToken)
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

    private TEntity ReadRow(SqliteDataReader row)
    {
        var common = new EntityColumns(
            row.GetInt64(0), row.GetInt64(1), SqliteTimestamps.Parse(row.GetString(2)), SqliteTimestamps.Parse(row.GetString(3)));
        return Read(row, common, EntitySql.FirstField);
    }

    private TEntity QuerySingle(SqliteCommand command) =>
        QueryOptional(command) ?? throw new InvalidOperationException($"{Table}: the statement returned no row.");

    private TEntity? QueryOptional(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadRow(reader) : null;
    }

    // Only when a conditional write changed no row (the common case asks nothing more): missing, or another version.
    private WriteResult<TEntity> Refusal(SqliteSession session, long id) =>
        session.Statement(Sql.Version).Set("@id", id).ExecuteScalar() is long current
            ? WriteResult<TEntity>.VersionMismatch(current)
            : WriteResult<TEntity>.NotFound();

    // The trace is captured by the caller: the write itself runs on the writer's loop, outside the request.
    private void AppendEvent(SqliteSession session, long id, string operation, long version, TEntity? payload, string? trace) =>
        session.Statement(InsertEvent)
            .Set("@entity_type", EntityType)
            .Set("@entity_id", id)
            .Set("@operation", operation)
            .Set("@version", version)
            .Set("@timestamp", SqliteTimestamps.Format(clock.GetUtcNow()))
            .Set("@payload", payload is null ? null : JsonSerializer.Serialize(payload, PayloadJson))
            .Set("@traceparent", trace)
            .ExecuteNonQuery();

    /// <summary>The columns every entity table has, read for <see cref="Read"/>.</summary>
    protected readonly record struct EntityColumns(long Id, long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
}
