using MyService.Hosting.ApplicationModel;

namespace MyService.Hosting.Orchestration;

/// <summary>Projects: <c>dotnet {TargetPath}</c> from the project directory; restarted when they exit unexpectedly.</summary>
internal sealed class ProjectLauncher(IHttpClientFactory http) : IResourceLauncher
{
    public string ResourceType => "Project";

    public bool Handles(IResource resource) => resource is ProjectResource;

    public Task<LaunchPlan> PlanAsync(IResource resource, LaunchContext context, CancellationToken cancellationToken)
    {
        var project = (ProjectResource)resource;
        var assembly = project.Metadata.TargetPath;
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException(
                $"The build output of '{project.Name}' is missing ({assembly}). Build the AppHost (dotnet build MyService.AppHost), which builds its projects.");
        }

        var environment = context.Environment.ForProcess(resource, out var modelVariables);
        var arguments = new List<string> { assembly };
        arguments.AddRange(resource.Annotations.OfType<CommandLineArgsAnnotation>().SelectMany(a => a.Args));
        var spec = new ProcessSpec("dotnet", arguments, Path.GetDirectoryName(project.Metadata.ProjectPath)!, environment);
        return Task.FromResult(new LaunchPlan(spec, HttpHealth.For(resource, http), RestartOnUnexpectedExit: true, DisplayEnvironment: modelVariables));
    }
}

/// <summary>Executables: the command as given. Exit 0 is Finished (WaitForCompletion); they are not restarted.</summary>
internal sealed class ExecutableLauncher(IHttpClientFactory http) : IResourceLauncher
{
    public string ResourceType => "Executable";

    public bool Handles(IResource resource) => resource is ExecutableResource;

    public Task<LaunchPlan> PlanAsync(IResource resource, LaunchContext context, CancellationToken cancellationToken)
    {
        var executable = (ExecutableResource)resource;
        var environment = context.Environment.ForProcess(resource, out var modelVariables);
        var arguments = resource.Annotations.OfType<CommandLineArgsAnnotation>().SelectMany(a => a.Args).ToList();
        var spec = new ProcessSpec(executable.Command, arguments, executable.WorkingDirectory, environment);
        return Task.FromResult(new LaunchPlan(spec, HttpHealth.For(resource, http), DisplayEnvironment: modelVariables));
    }
}

/// <summary>Parameters and connection strings are values: validated before anything starts, then simply up.</summary>
internal sealed class ValueLauncher : IResourceLauncher
{
    public string ResourceType => "Value";

    public bool Handles(IResource resource) => resource is ParameterResource or ConnectionStringResource;

    public Task<LaunchPlan> PlanAsync(IResource resource, LaunchContext context, CancellationToken cancellationToken) =>
        Task.FromResult(new LaunchPlan(Process: null));
}

internal static class HttpHealth
{
    public static IHealthProbe? For(IResource resource, IHttpClientFactory http)
    {
        var check = resource.Annotations.OfType<HttpHealthCheckAnnotation>().FirstOrDefault();
        if (check is null)
        {
            return null;
        }

        var endpoint = resource.GetEndpoint(check.EndpointName).AllocatedEndpoint!;
        return new HttpHealthProbe(http.CreateClient(HostingServiceCollectionExtensions.HealthClientName), new Uri(endpoint.Uri, check.Path));
    }
}
