using MyService.Api.Storage.DynamoDb;

namespace MyService.Api.Items;

internal sealed class DynamoItemStore(StoreTable table, StoreTransaction transaction)
    : DynamoEntityStore<Item, ItemInput>(table, transaction)
{
    protected override string EntityType => "item";

    protected override Item Build(long id, long version, ItemInput input, DateTimeOffset createdAt, DateTimeOffset updatedAt) => new()
    {
        Id = id,
        Name = input.Name!,
        Description = input.Description ?? "",
        Version = version,
        CreatedAt = createdAt,
        UpdatedAt = updatedAt,
    };
}
