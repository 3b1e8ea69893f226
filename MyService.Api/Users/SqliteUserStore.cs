using Microsoft.Data.Sqlite;
using MyService.Api.Storage;
using MyService.Api.Storage.Sqlite;

namespace MyService.Api.Users;

public sealed class SqliteUserStore(SqliteDatabase database, TimeProvider clock)
    : SqliteEntityStore<User, UserInput>(database, clock), IEntityStore<User, UserInput>
{
    protected override string Table => "users";

    protected override string EntityType => "user";

    protected override IReadOnlyList<string> Fields { get; } = ["email", "name"];

    protected override string? UniqueField => "email";

    protected override void Bind(SqliteCommand command, UserInput input) => command.Set("@email", input.Email).Set("@name", input.Name);

    protected override User Read(SqliteDataReader row, in EntityColumns common, int firstField) => new()
    {
        Id = common.Id,
        Email = row.GetString(firstField),
        Name = row.GetString(firstField + 1),
        Version = common.Version,
        CreatedAt = common.CreatedAt,
        UpdatedAt = common.UpdatedAt,
    };
}
