using MyService.Hosting.ApplicationModel;

namespace MyService.Hosting.Orchestration;

/// <summary>Who waits for whom: WaitFor/WaitForCompletion edges, and a child on its parent.</summary>
public sealed class DependencyGraph
{
    private readonly IReadOnlyList<IResource> _resources;

    public DependencyGraph(IReadOnlyList<IResource> resources)
    {
        _resources = resources;
        StartOrder = TopologicalOrder();
    }

    /// <summary>Dependencies before dependants; stopping goes in reverse.</summary>
    public IReadOnlyList<IResource> StartOrder { get; }

    public static IReadOnlyList<WaitAnnotation> DependenciesOf(IResource resource)
    {
        var waits = resource.Annotations.OfType<WaitAnnotation>().ToList();
        if (resource is IResourceWithParent child && waits.All(w => w.Resource != child.Parent))
        {
            waits.Insert(0, new WaitAnnotation(child.Parent, WaitType.WaitUntilHealthy));
        }

        return waits;
    }

    public IEnumerable<IResource> DependantsOf(IResource resource) =>
        _resources.Where(r => DependenciesOf(r).Any(w => w.Resource == resource));

    private List<IResource> TopologicalOrder()
    {
        var order = new List<IResource>();
        var state = new Dictionary<IResource, bool>(); // false: on the current path, true: done
        var path = new Stack<IResource>();
        foreach (var resource in _resources)
        {
            Visit(resource, state, path, order);
        }

        return order;
    }

    private static void Visit(IResource resource, Dictionary<IResource, bool> state, Stack<IResource> path, List<IResource> order)
    {
        if (state.TryGetValue(resource, out var done))
        {
            if (!done)
            {
                var cycle = path.Reverse().SkipWhile(r => r != resource).Append(resource).Select(r => r.Name);
                throw new DistributedApplicationException($"The app model has a WaitFor cycle: {string.Join(" -> ", cycle)}. Remove one of these waits.");
            }

            return;
        }

        state[resource] = false;
        path.Push(resource);
        foreach (var wait in DependenciesOf(resource))
        {
            Visit(wait.Resource, state, path, order);
        }

        path.Pop();
        state[resource] = true;
        order.Add(resource);
    }
}
