namespace MyService.Hosting.ApplicationModel;

public enum WaitType
{
    /// <summary>WaitFor: the dependency is running and healthy.</summary>
    WaitUntilHealthy,

    /// <summary>WaitForCompletion: the dependency has exited with code 0.</summary>
    WaitUntilCompleted,
}

public sealed class WaitAnnotation(IResource resource, WaitType waitType) : IResourceAnnotation
{
    public IResource Resource { get; } = resource;

    public WaitType WaitType { get; } = waitType;
}
