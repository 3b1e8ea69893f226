namespace MyService.Hosting.ApplicationModel;

/// <summary>WithReference: the referenced resource's variables are injected (DESIGN §5).</summary>
public sealed class ResourceReferenceAnnotation(IResource resource) : IResourceAnnotation
{
    public IResource Resource { get; } = resource;
}
