using MyService.Hosting.ApplicationModel;

namespace MyService.Hosting;

/// <summary>The resources of the built app, in the order they were added.</summary>
public sealed class DistributedApplicationModel(IReadOnlyList<IResource> resources)
{
    public IReadOnlyList<IResource> Resources { get; } = resources;

    public IResource Find(string name) =>
        Resources.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"There is no resource named '{name}'. Resources: {string.Join(", ", Resources.Select(r => r.Name))}.", nameof(name));
}
