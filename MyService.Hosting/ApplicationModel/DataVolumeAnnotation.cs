namespace MyService.Hosting.ApplicationModel;

/// <summary>WithDataVolume: the resource's data lives under the persistent data directory and survives restarts.</summary>
public sealed class DataVolumeAnnotation(string? name = null) : IResourceAnnotation
{
    public string? Name { get; } = name;
}
