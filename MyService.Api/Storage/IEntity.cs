namespace MyService.Api.Storage;

/// <summary>What every stored entity has: a numeric id and a version that grows by one on each change.</summary>
public interface IEntity
{
    long Id { get; }

    long Version { get; }
}
