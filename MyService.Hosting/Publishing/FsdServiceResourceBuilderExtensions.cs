using MyService.Hosting.Publishing;

namespace MyService.Hosting;

public static class FsdServiceResourceBuilderExtensions
{
    /// <summary>
    /// Deployment settings for the ECS environment's publish step (<c>AddEcsEnvironment</c>): pack, owners, size,
    /// counts, autoscaling, log retention, health path and per-environment overrides. Every project is published;
    /// without this call it gets the defaults (and no owners, which validation reports). Calling it again changes the
    /// same settings.
    /// </summary>
    public static IResourceBuilder<ProjectResource> PublishAsFsdService(this IResourceBuilder<ProjectResource> builder, Action<FsdServiceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var annotation = builder.Resource.Annotations.OfType<FsdServiceAnnotation>().FirstOrDefault();
        if (annotation is null)
        {
            annotation = new FsdServiceAnnotation(new FsdServiceOptions());
            builder.WithAnnotation(annotation);
        }

        configure?.Invoke(annotation.Options);
        return builder;
    }
}
