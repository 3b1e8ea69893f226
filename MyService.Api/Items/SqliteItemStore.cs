using Microsoft.Data.Sqlite;
using MyService.Api.Storage;
using MyService.Api.Storage.Sqlite;

namespace MyService.Api.Items;

public sealed class SqliteItemStore(SqliteDatabase database, TimeProvider clock)
    : SqliteEntityStore<Item, ItemInput>(database, clock), IEntityStore<Item, ItemInput>
{
    protected override string Table => "items";

    protected override string EntityType => "item";

    protected override IReadOnlyList<string> Fields { get; } = ["name", "description"];

    protected override void Bind(SqliteCommand command, ItemInput input) => command.Set("@name", input.Name).Set("@description", input.Description);

    protected override Item Read(SqliteDataReader row, in EntityColumns common, int firstField) => new()
    {
        Id = common.Id,
        Name = row.GetString(firstField),
        Description = row.GetString(firstField + 1),
        Version = common.Version,
        CreatedAt = common.CreatedAt,
        UpdatedAt = common.UpdatedAt,
    };
}
