using MyService.Api.Storage;

namespace MyService.Api.Users;

public sealed record User : IEntity
{
    public long Id { get; init; }

    public required string Email { get; init; }

    public required string Name { get; init; }

    public long Version { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
