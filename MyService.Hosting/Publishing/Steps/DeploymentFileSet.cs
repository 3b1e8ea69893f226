using MyService.Hosting.Publishing.Ecs;
using MyService.Hosting.Publishing.Fsd;
using MyService.Hosting.Publishing.GitHub;
using MyService.Hosting.Publishing.Model;

namespace MyService.Hosting.Publishing.Steps;

/// <summary>An FSD file as one environment would deploy it (the written file plus that environment's overrides), for validation.</summary>
internal sealed record EnvironmentVariant(string File, string Environment, string Text, PublishedService Service);

/// <summary>Everything <c>publish</c> writes, by path relative to the output folder, computed in memory and deterministic.</summary>
internal sealed class DeploymentFileSet
{
    public const string WorkflowPath = "github/deploy.yml";

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

    public static DeploymentFileSet Create(PublishedServiceFactory factory, string? environment)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var services = new List<PublishedService>();
        var variants = new List<EnvironmentVariant>();
        var overrides = new Dictionary<(string, string), IReadOnlyList<string>>();
        foreach (var project in factory.Projects)
        {
            var service = factory.Create(project, environment);
            services.Add(service);
            var tree = FsdWriter.ToTree(service);
            var fsd = FsdWriter.Write(service);
            files[FsdPath(service.ResourceName)] = fsd;
            files[$"ecs/{service.ResourceName}.task-definition.json"] = EcsWriter.WriteTaskDefinition(service);
            files[$"ecs/{service.ResourceName}.service.json"] = EcsWriter.WriteService(service);
            foreach (var name in FsdServiceOptions.KnownEnvironments)
            {
                var variant = factory.Create(project, name);
                overrides[(service.ResourceName, name)] = FsdWriter.Overrides(tree, FsdWriter.ToTree(variant));
                if (FsdWriter.Write(variant) is var text && text != fsd)
                {
                    variants.Add(new EnvironmentVariant(FsdPath(service.ResourceName), name, text, variant));
                }
            }
        }

        var placeholders = services.SelectMany(s => Placeholders.In(files[FsdPath(s.ResourceName)])).Distinct().Order(StringComparer.Ordinal).ToList();
        files[WorkflowPath] = DeployWorkflowWriter.Write(factory.Environment, services, overrides, placeholders, factory.Commands);
        return new DeploymentFileSet(files, services, variants);
    }
}
