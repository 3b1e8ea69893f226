using Dapper;
using MyService.Api.Storage;
using MyService.Api.Storage.Sqlite;

namespace MyService.Api.Items;

public sealed class SqliteItemStore(SqliteDatabase database, TimeProvider clock)
    : SqliteEntityStore<Item, ItemInput>(database, clock), IEntityStore<Item, ItemInput>
{
    protected override string Table => "items";

    protected override string EntityType => "item";

    protected override IReadOnlyList<(string Column, string Property)> Fields { get; } = [("name", "Name"), ("description", "Description")];

    protected override DynamicParameters Parameters(ItemInput input) => new(new { input.Name, input.Description });
}
