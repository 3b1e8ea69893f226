using MyService.Hosting.Publishing;

namespace MyService.Hosting;

public static class FsdServiceResourceBuilderExtensions
{
    /// <summary>
    /// Deployment settings for the ECS environment (<see cref="FsdServiceOptions"/>). Every project is published; without
    /// this call it gets the defaults (and no owners, which validation reports). Calling it again changes the same settings.
    /// </summary>
    public static IResourceBuilder<ProjectResource> PublishAsFsdService(this IResourceBuilder<ProjectResource> builder, Action<FsdServiceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // The one annotation, kept: a second call changes the settings of the first.
        var annotation = builder.Resource.Annotations.OfType<FsdServiceAnnotation>().FirstOrDefault() ?? new FsdServiceAnnotation(new FsdServiceOptions());
        configure?.Invoke(annotation.Options);
        return builder.WithAnnotation(annotation, ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>
    /// The port the project listens on in its container (its Dockerfile's EXPOSE), as its endpoint's target port in
    /// publish mode: Aspire leaves it to the deployment tool for a launch-profile endpoint. Run mode keeps DCP's ports.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithContainerPort(this IResourceBuilder<ProjectResource> builder, int port, string endpointName = "http")
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.ApplicationBuilder.ExecutionContext.IsPublishMode ? builder.WithEndpoint(endpointName, e => e.TargetPort = port) : builder;
    }
}
