using Microsoft.Extensions.DependencyInjection;
using MyService.Hosting.Projects;

namespace MyService.Hosting;

public static partial class ProjectLaunchBuilderExtensions
{
    /// <summary>
    /// Runs every project from its build output instead of under <c>dotnet run</c> (Aspire's default). DCP then
    /// signals and watches the service itself: a stop is a graceful SIGTERM to it, a <c>kill -9</c> of the pid on the
    /// resource kills the service (not a wrapper that leaves it orphaned), and a start skips the SDK's project
    /// evaluation. A project whose output is missing (not built) keeps <c>dotnet run</c>, with a warning.
    /// </summary>
    public static IDistributedApplicationBuilder RunProjectsFromBuildOutput(this IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.ExecutionContext.IsRunMode)
        {
            return builder;
        }

        builder.Eventing.Subscribe<BeforeStartEvent>((e, _) =>
        {
            var logger = e.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MyService.Hosting.Projects");
            foreach (var project in e.Model.Resources.OfType<ProjectResource>().Where(p => !p.HasAnnotationOfType<ExecutableAnnotation>()))
            {
                var metadata = project.GetProjectMetadata();
                if (BuildOutput.FindProgram(metadata) is { } program)
                {
                    project.Annotations.Add(new ExecutableAnnotation { Command = program, WorkingDirectory = Path.GetDirectoryName(metadata.ProjectPath)! });
                    // The native launcher finds the runtime through DOTNET_ROOT or the default install folders; an SDK
                    // installed elsewhere (dotnet-install into ~/.dotnet) is found only if told, as `dotnet run` was.
                    project.Annotations.Add(new EnvironmentCallbackAnnotation(context =>
                    {
                        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is null && BuildOutput.RuntimeRoot() is { } root)
                        {
                            context.EnvironmentVariables["DOTNET_ROOT"] = root;
                        }
                    }));
                }
                else
                {
                    LogNotBuilt(logger, project.Name, metadata.ProjectPath);
                }
            }

            return Task.CompletedTask;
        });
        return builder;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Resource}: no build output of {Project} for this configuration; it runs under `dotnet run` instead")]
    private static partial void LogNotBuilt(ILogger logger, string resource, string project);
}
