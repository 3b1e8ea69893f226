using MyService.Hosting.Publishing.Ecs;
using MyService.Hosting.Publishing.Fsd;
using MyService.Hosting.Publishing.GitHub;
using MyService.Hosting.Publishing.Model;

namespace MyService.Hosting.Publishing.Steps;

/// <summary>An FSD file as one environment would deploy it (the written file plus that environment's overrides), for validation.</summary>
internal sealed record EnvironmentVariant(string File, string Environment, string Text);

/// <summary>Everything <c>publish</c> writes, by path relative to the output folder, computed in memory and deterministic.</summary>
internal sealed record DeploymentFileSet(IReadOnlyDictionary<string, string> Files, IReadOnlyList<PublishedService> Services, IReadOnlyList<EnvironmentVariant> Variants)
{
    public static DeploymentFileSet Create(PublishedServiceFactory factory, string? environment)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var services = new List<PublishedService>();
        var variants = new List<EnvironmentVariant>();
        var overrides = new Dictionary<(string, string), IReadOnlyList<string>>();
        foreach (var project in factory.Projects)
        {
            var service = factory.Create(project, environment);
            services.Add(service);
            var (fsdPath, tree) = ($"fsd/{service.ResourceName}.yml", FsdWriter.ToTree(service));
            files[fsdPath] = FsdWriter.Write(tree);
            files[$"ecs/{service.ResourceName}.task-definition.json"] = EcsWriter.WriteTaskDefinition(service);
            files[$"ecs/{service.ResourceName}.service.json"] = EcsWriter.WriteService(service);
            foreach (var name in FsdServiceOptions.KnownEnvironments)
            {
                var variantTree = FsdWriter.ToTree(factory.Create(project, name));
                overrides[(service.ResourceName, name)] = FsdWriter.Overrides(tree, variantTree);
                if (FsdWriter.Write(variantTree) is var text && text != files[fsdPath])
                {
                    variants.Add(new EnvironmentVariant(fsdPath, name, text));
                }
            }
        }

        // Every ${NAME} of the FSD files but ${ENV} is a GitHub variable the workflow passes on.
        var placeholders = files.Where(f => f.Key.StartsWith("fsd/", StringComparison.Ordinal)).SelectMany(f => Placeholders.In(f.Value)).Distinct().Order(StringComparer.Ordinal).ToList();
        files["github/deploy.yml"] = DeployWorkflowWriter.Write(factory.Environment, services, overrides, placeholders, factory.Commands);
        return new DeploymentFileSet(files, services, variants);
    }
}
