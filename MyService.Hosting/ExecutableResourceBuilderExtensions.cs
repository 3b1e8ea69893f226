using MyService.Hosting.ApplicationModel;

namespace MyService.Hosting;

public static class ExecutableResourceBuilderExtensions
{
    /// <summary>Any process. A relative working directory is relative to the AppHost project directory.</summary>
    public static IResourceBuilder<ExecutableResource> AddExecutable(
        this IDistributedApplicationBuilder builder, string name, string command, string workingDirectory, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var resource = new ExecutableResource(name, command, Path.GetFullPath(workingDirectory, builder.AppHostDirectory));
        var added = builder.AddResource(resource);
        return args.Length > 0 ? added.WithArgs(args) : added;
    }
}
