using Dapper;
using MyService.Api.Storage;
using MyService.Api.Storage.Sqlite;

namespace MyService.Api.Users;

public sealed class SqliteUserStore(SqliteDatabase database, TimeProvider clock)
    : SqliteEntityStore<User, UserInput>(database, clock), IEntityStore<User, UserInput>
{
    protected override string Table => "users";

    protected override string EntityType => "user";

    protected override IReadOnlyList<(string Column, string Property)> Fields { get; } = [("email", "Email"), ("name", "Name")];

    protected override string? UniqueField => "email";

    protected override DynamicParameters Parameters(UserInput input) => new(new { input.Email, input.Name });
}
