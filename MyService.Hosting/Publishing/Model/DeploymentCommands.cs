namespace MyService.Hosting.Publishing.Model;

/// <summary>
/// The commands the generated files and the problems' fixes name: how the files are published and validated (the
/// AppHost project, relative to the repository root, and the committed folder), and how the repository's tests run.
/// </summary>
internal sealed record DeploymentCommands(string Publish, string Validate, string Test, string Folder)
{
    public static DeploymentCommands For(EcsEnvironmentResource environment, string repositoryRoot, string appHostDirectory)
    {
        var project = Path.GetRelativePath(repositoryRoot, appHostDirectory).Replace('\\', '/');
        // An AppHost outside the repository (a test's model) is named by its folder alone.
        project = project.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(project) ? Path.GetFileName(Path.TrimEndingDirectorySeparator(appHostDirectory)) : project;
        var folder = environment.DeployFolder;
        string Step(string step) => $"dotnet run --project {project} -- --operation publish --step {step} --output-path {folder}";
        return new(Step("publish"), Step(EcsEnvironmentResource.ValidateStepName), environment.TestCommand, folder);
    }
}
