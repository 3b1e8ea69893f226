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

    /// <summary>
    /// The port the project listens on in its container (its Dockerfile's EXPOSE and ASPNETCORE_HTTP_PORTS), as the
    /// target port of its <paramref name="endpointName"/> endpoint in publish mode. Aspire leaves that port to the
    /// deployment tool for an endpoint made from launchSettings.json; run mode keeps its own ports (DCP's proxy).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithContainerPort(this IResourceBuilder<ProjectResource> builder, int port, string endpointName = "http")
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.ApplicationBuilder.ExecutionContext.IsPublishMode ? builder.WithEndpoint(endpointName, e => e.TargetPort = port) : builder;
    }
}
