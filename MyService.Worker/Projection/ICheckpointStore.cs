namespace MyService.Worker.Projection;

/// <summary>The feed position up to which every event is in the projection.</summary>
public interface ICheckpointStore
{
    Task<long> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Moves the checkpoint forward (never back) to <paramref name="position"/>.</summary>
    Task SaveAsync(long position, CancellationToken cancellationToken);
}
