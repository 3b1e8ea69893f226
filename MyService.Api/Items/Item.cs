using MyService.Api.Storage;

namespace MyService.Api.Items;

public sealed record Item : IEntity
{
    public long Id { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    public long Version { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
