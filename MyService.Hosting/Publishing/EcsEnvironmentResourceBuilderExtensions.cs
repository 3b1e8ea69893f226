using MyService.Hosting.Publishing;

namespace MyService.Hosting;

public static class EcsEnvironmentResourceBuilderExtensions
{
    /// <summary>
    /// The ECS/FSD compute environment: its steps write and validate the deployment files (<c>aspire publish -o deploy</c>)
    /// and validate hand-edited ones (<c>aspire do validate-deploy</c>). In run mode it is not part of the model, as Aspire's are not.
    /// </summary>
    public static IResourceBuilder<EcsEnvironmentResource> AddEcsEnvironment(this IDistributedApplicationBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var resource = new EcsEnvironmentResource(name) { AppHostDirectory = builder.AppHostDirectory };
        if (builder.ExecutionContext.IsRunMode)
        {
            return builder.CreateResourceBuilder(resource);
        }

        if (builder.Resources.OfType<EcsEnvironmentResource>().FirstOrDefault() is { } existing)
        {
            // Both would write deploy/fsd, deploy/ecs and one workflow into the same output folder.
            throw new DistributedApplicationException($"The app model already has the ECS environment '{existing.Name}'; it takes one.");
        }

        return builder.AddResource(resource).ExcludeFromManifest();
    }

    /// <summary>Sets the environment's properties (<see cref="EcsEnvironmentResource.ApplicationName"/>, <see cref="EcsEnvironmentResource.RepositoryRoot"/>).</summary>
    public static IResourceBuilder<EcsEnvironmentResource> WithProperties(this IResourceBuilder<EcsEnvironmentResource> builder, Action<EcsEnvironmentResource> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        configure(builder.Resource);
        return builder;
    }
}
