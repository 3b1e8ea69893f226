using MyService.Hosting.Publishing.Ecs;
using MyService.Hosting.Publishing.Fsd;
using MyService.Hosting.Publishing.GitHub;

namespace MyService.Hosting.Publishing;

/// <summary>An FSD file as one environment would deploy it (the written file plus that environment's overrides), for validation.</summary>
internal sealed record EnvironmentVariant(string File, string Environment, string Text, PublishedService Service);

/// <summary>Everything <c>publish</c> writes, by path relative to the output folder, computed in memory and deterministic.</summary>
internal sealed class DeploymentFileSet
{
    /// <summary>How the files are written, as the generated workflow and the problems' fixes name it.</summary>
    public const string Command = "dotnet run --project MyService.AppHost -- --operation publish --step publish --output-path deploy";

    /// <summary>How they are checked without publishing (the workflow runs it before deploying).</summary>
    public const string ValidateCommand = $"dotnet run --project MyService.AppHost -- --operation publish --step {EcsEnvironmentResource.ValidateStepName} --output-path deploy";

    private DeploymentFileSet(SortedDictionary<string, string> files, IReadOnlyList<PublishedService> services, IReadOnlyList<EnvironmentVariant> variants)
    {
        Files = files;
        Services = services;
        Variants = variants;
    }

    public IReadOnlyDictionary<string, string> Files { get; }

    public IReadOnlyList<PublishedService> Services { get; }

    public IReadOnlyList<EnvironmentVariant> Variants { get; }

    public static string FsdPath(string service) => $"fsd/{service}.yml";

    public static string TaskDefinitionPath(string service) => $"ecs/{service}.task-definition.json";

    public static string ServicePath(string service) => $"ecs/{service}.service.json";

    public const string WorkflowPath = "github/deploy.yml";

    public static DeploymentFileSet Create(PublishedServiceFactory factory, string? environment)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var services = new List<PublishedService>();
        var variants = new List<EnvironmentVariant>();
        var workflow = new List<WorkflowService>();
        foreach (var project in factory.Projects)
        {
            var service = factory.Create(project, environment);
            services.Add(service);
            var fsd = FsdWriter.Write(service);
            files[FsdPath(service.ResourceName)] = fsd;
            files[TaskDefinitionPath(service.ResourceName)] = EcsWriter.WriteTaskDefinition(service);
            files[ServicePath(service.ResourceName)] = EcsWriter.WriteService(service);

            var overrides = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var name in FsdServiceOptions.KnownEnvironments)
            {
                var variant = factory.Create(project, name);
                var text = FsdWriter.Write(variant);
                overrides[name] = FsdOverrides.Between(fsd, text);
                if (text != fsd)
                {
                    variants.Add(new EnvironmentVariant(FsdPath(service.ResourceName), name, text, variant));
                }
            }

            workflow.Add(new WorkflowService(service, overrides));
        }

        var placeholders = services.SelectMany(s => Placeholders.In(files[FsdPath(s.ResourceName)])).Distinct().Order(StringComparer.Ordinal).ToList();
        files[WorkflowPath] = DeployWorkflowWriter.Write(workflow, placeholders, Command, ValidateCommand);
        return new DeploymentFileSet(files, services, variants);
    }
}
