using MyService.Api.Storage.DynamoDb;

namespace MyService.Api.Users;

internal sealed class DynamoUserStore(StoreTable table, StoreTransaction transaction)
    : DynamoEntityStore<User, UserInput>(table, transaction)
{
    protected override string EntityType => "user";

    protected override string? UniqueField => "email";

    // SQLite's NOCASE folds ASCII letters only; folding the same way keeps both providers' 409s identical.
    protected override string? UniqueValue(User entity) => AsciiCase.Fold(entity.Email);

    protected override User Build(long id, long version, UserInput input, DateTimeOffset createdAt, DateTimeOffset updatedAt) => new()
    {
        Id = id,
        Email = input.Email!,
        Name = input.Name!,
        Version = version,
        CreatedAt = createdAt,
        UpdatedAt = updatedAt,
    };
}
