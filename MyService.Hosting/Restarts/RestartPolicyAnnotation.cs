namespace MyService.Hosting.Restarts;

/// <summary>The resource is restarted when it exits on its own (<c>WithRestartPolicy</c>).</summary>
public sealed class RestartPolicyAnnotation(RestartPolicy policy) : IResourceAnnotation
{
    public RestartPolicy Policy { get; } = policy;
}
