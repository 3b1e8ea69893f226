using MyService.Hosting.ApplicationModel;

namespace MyService.Hosting;

public static class ProjectResourceBuilderExtensions
{
    /// <summary>A project of the solution; <typeparamref name="TProject"/> is its generated <c>Projects.X</c> metadata.</summary>
    public static IResourceBuilder<ProjectResource> AddProject<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new()
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddResource(new ProjectResource(name, new TProject()));
    }
}
