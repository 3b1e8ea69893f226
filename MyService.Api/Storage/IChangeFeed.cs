namespace MyService.Api.Storage;

/// <summary>Reads the change events written with each entity change, in sequence order.</summary>
public interface IChangeFeed
{
    Task<IReadOnlyList<ChangeEvent>> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken);
}
