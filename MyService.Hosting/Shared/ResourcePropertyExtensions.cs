using System.Collections.Immutable;

namespace MyService.Hosting.Shared;

internal static class ResourcePropertyExtensions
{
    /// <summary>The properties with each named one set to its new value (added when absent).</summary>
    public static ImmutableArray<ResourcePropertySnapshot> With(this ImmutableArray<ResourcePropertySnapshot> properties, params (string Name, object? Value)[] values)
    {
        var builder = properties.ToBuilder();
        foreach (var (name, value) in values)
        {
            var existing = builder.FirstOrDefault(p => p.Name == name);
            if (existing is not null)
            {
                builder[builder.IndexOf(existing)] = existing with { Value = value };
            }
            else
            {
                builder.Add(new ResourcePropertySnapshot(name, value));
            }
        }

        return builder.ToImmutable();
    }
}
