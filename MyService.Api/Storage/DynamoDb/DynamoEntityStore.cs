using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace MyService.Api.Storage.DynamoDb;

/// <summary>
/// CRUD for one entity type on the store table, each write committed with its change event in one transaction
/// (<see cref="StoreTransaction"/>). Versions are enforced with condition expressions; a unique field is enforced
/// by an item keyed by its value, written in the same transaction. Subclasses say how an entity is built.
/// </summary>
internal abstract class DynamoEntityStore<TEntity, TInput> : IEntityStore<TEntity, TInput>
    where TEntity : class, IEntity
{
    // A write re-reads when the entity changed between its read and its commit; past this, the row is too hot.
    private const int MaxRereads = 10;

    private readonly StoreTable _table;
    private readonly StoreTransaction _transaction;

    protected DynamoEntityStore(StoreTable table, StoreTransaction transaction)
    {
        _table = table;
        _transaction = transaction;
    }

    /// <summary>The partition and the change feed's entity type, e.g. <c>user</c>.</summary>
    protected abstract string EntityType { get; }

    /// <summary>The field whose value is unique (a 409 when taken), if the entity has one.</summary>
    protected virtual string? UniqueField => null;

    /// <summary>The unique field's value as compared (e.g. an email folded to lower case).</summary>
    protected virtual string? UniqueValue(TEntity entity) => null;

    protected abstract TEntity Build(long id, long version, TInput input, DateTimeOffset createdAt, DateTimeOffset updatedAt);

    public async Task<TEntity?> FindAsync(long id, CancellationToken cancellationToken) =>
        await FindItemAsync(id, cancellationToken) is { } item ? EntityItems.FromItem<TEntity>(item) : null;

    public async Task<IReadOnlyList<TEntity>> ListAsync(long afterId, int limit, CancellationToken cancellationToken)
    {
        var result = new List<TEntity>(Math.Min(limit, 1024));
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            // A page stops at 1 MB, so a large limit can take several.
            var response = await _table.Client.QueryAsync(new QueryRequest
            {
                TableName = _table.Name,
                KeyConditionExpression = "pk = :p AND sk > :after",
                ExpressionAttributeValues = new()
                {
                    [":p"] = new AttributeValue(EntityType),
                    [":after"] = new AttributeValue(StoreKeys.Number(afterId)),
                },
                ExclusiveStartKey = startKey,
                Limit = limit - result.Count,
                ConsistentRead = true,
            }, cancellationToken);
            result.AddRange(response.Items.Select(EntityItems.FromItem<TEntity>));
            startKey = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (startKey is not null && result.Count < limit);

        return result;
    }

    public async Task<WriteResult<TEntity>> CreateAsync(TInput input, CancellationToken cancellationToken)
    {
        var trace = TraceParent.Current();
        var id = await _transaction.NextIdAsync(EntityType, cancellationToken);
        TEntity? written = null;
        var result = await _transaction.CommitAsync(EntityType, now =>
        {
            written = Build(id, 1, input, now, now);
            List<TransactWriteItem> items = [Put(written, "attribute_not_exists(pk)")];
            if (UniqueValue(written) is { } value)
            {
                items.Add(ClaimUnique(value, id));
            }

            return new PlannedChange(items, id, ChangeOperations.Created, 1, EntityItems.ToPayload(written));
        }, trace, cancellationToken);
        return result.Committed ? WriteResult<TEntity>.Written(written!) : Conflict();
    }

    public async Task<WriteResult<TEntity>> UpdateAsync(long id, TInput input, long? expectedVersion, CancellationToken cancellationToken)
    {
        var trace = TraceParent.Current();
        for (var read = 0; read < MaxRereads; read++)
        {
            var (current, refusal) = await ReadForWriteAsync(id, expectedVersion, cancellationToken);
            if (refusal is not null)
            {
                return refusal;
            }

            TEntity? written = null;
            var result = await _transaction.CommitAsync(EntityType, now =>
            {
                written = Build(id, current!.Version + 1, input, CreatedAt(current.Item), now);
                List<TransactWriteItem> items = [Put(written, "version = :v", current.Version)];
                var (before, after) = (UniqueValue(current.Entity), UniqueValue(written));
                if (before != after)
                {
                    items.AddRange(ReleaseUnique(before, id));
                    items.Add(ClaimUnique(after!, id));
                }

                return new PlannedChange(items, id, ChangeOperations.Updated, written.Version, EntityItems.ToPayload(written));
            }, trace, cancellationToken);
            if (result.Committed)
            {
                return WriteResult<TEntity>.Written(written!);
            }

            if (result.RefusedItem != 0)
            {
                return Conflict();
            }

            // The entity changed after it was read: read again (which answers 412 when a version was expected).
        }

        throw new InvalidOperationException($"{EntityType} {id} changed on every one of {MaxRereads} attempts to update it.");
    }

    public async Task<WriteResult<TEntity>> DeleteAsync(long id, long? expectedVersion, CancellationToken cancellationToken)
    {
        var trace = TraceParent.Current();
        for (var read = 0; read < MaxRereads; read++)
        {
            var (current, refusal) = await ReadForWriteAsync(id, expectedVersion, cancellationToken);
            if (refusal is not null)
            {
                return refusal;
            }

            var result = await _transaction.CommitAsync(EntityType, _ =>
            {
                List<TransactWriteItem> items =
                [
                    new() { Delete = new Delete { TableName = _table.Name, Key = StoreKeys.Entity(EntityType, id), ConditionExpression = "version = :v", ExpressionAttributeValues = new() { [":v"] = StoreKeys.N(current!.Version) } } },
                    .. ReleaseUnique(UniqueValue(current.Entity), id),
                ];
                // A delete is one more version, so a consumer holding version N knows it is newer.
                return new PlannedChange(items, id, ChangeOperations.Deleted, current.Version + 1, Payload: null);
            }, trace, cancellationToken);
            if (result.Committed)
            {
                return WriteResult<TEntity>.Written(current!.Entity);
            }

            if (result.RefusedItem != 0)
            {
                throw new InvalidOperationException($"The unique item of {EntityType} {id} does not belong to it; the table is inconsistent.");
            }
        }

        throw new InvalidOperationException($"{EntityType} {id} changed on every one of {MaxRereads} attempts to delete it.");
    }

    /// <summary>The items that hold <paramref name="entity"/>: itself and its unique value (the migration writes these).</summary>
    internal IEnumerable<Dictionary<string, AttributeValue>> ItemsOf(TEntity entity)
    {
        yield return EntityItems.ToItem(EntityType, entity);
        if (UniqueValue(entity) is { } value)
        {
            yield return UniqueItem(value, entity.Id);
        }
    }

    internal string Type => EntityType;

    private async Task<(Current? Current, WriteResult<TEntity>? Refusal)> ReadForWriteAsync(long id, long? expectedVersion, CancellationToken cancellationToken)
    {
        if (await FindItemAsync(id, cancellationToken) is not { } item)
        {
            return (null, WriteResult<TEntity>.NotFound());
        }

        var current = new Current(item, EntityItems.FromItem<TEntity>(item));
        return expectedVersion is { } expected && expected != current.Version
            ? (current, WriteResult<TEntity>.VersionMismatch(current.Version))
            : (current, null);
    }

    private async Task<Dictionary<string, AttributeValue>?> FindItemAsync(long id, CancellationToken cancellationToken)
    {
        var response = await _table.Client.GetItemAsync(new GetItemRequest
        {
            TableName = _table.Name,
            Key = StoreKeys.Entity(EntityType, id),
            ConsistentRead = true,
        }, cancellationToken);
        return response.IsItemSet ? response.Item : null;
    }

    private TransactWriteItem Put(TEntity entity, string condition, long? version = null) => new()
    {
        Put = new Put
        {
            TableName = _table.Name,
            Item = EntityItems.ToItem(EntityType, entity),
            ConditionExpression = condition,
            ExpressionAttributeValues = version is { } v ? new() { [":v"] = StoreKeys.N(v) } : null,
        },
    };

    private TransactWriteItem ClaimUnique(string value, long id) =>
        new() { Put = new Put { TableName = _table.Name, Item = UniqueItem(value, id), ConditionExpression = "attribute_not_exists(pk)" } };

    private Dictionary<string, AttributeValue> UniqueItem(string value, long id)
    {
        var item = StoreKeys.Unique(EntityType, UniqueField!, value);
        item["id"] = StoreKeys.N(id);
        return item;
    }

    private IEnumerable<TransactWriteItem> ReleaseUnique(string? value, long id) => value is null
        ? []
        : [new() { Delete = new Delete { TableName = _table.Name, Key = StoreKeys.Unique(EntityType, UniqueField!, value), ConditionExpression = "id = :id", ExpressionAttributeValues = new() { [":id"] = StoreKeys.N(id) } } }];

    private WriteResult<TEntity> Conflict() => WriteResult<TEntity>.Conflict(UniqueField ?? "value");

    private static DateTimeOffset CreatedAt(Dictionary<string, AttributeValue> item) =>
        DateTimeOffset.Parse(item["createdAt"].S, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private sealed record Current(Dictionary<string, AttributeValue> Item, TEntity Entity)
    {
        public long Version => Entity.Version;
    }
}
