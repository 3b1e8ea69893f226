namespace MyService.Hosting.Publishing;

/// <summary>PublishAsFsdService: the project's deployment settings.</summary>
public sealed class FsdServiceAnnotation(FsdServiceOptions options) : IResourceAnnotation
{
    public FsdServiceOptions Options { get; } = options;
}
