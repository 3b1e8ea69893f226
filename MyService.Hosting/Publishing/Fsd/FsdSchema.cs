using YamlDotNet.RepresentationModel;

namespace MyService.Hosting.Publishing.Fsd;

internal enum FsdFieldKind
{
    Scalar,
    Mapping,
    Sequence,

    /// <summary>A mapping of free names to scalars (environment).</summary>
    Map,
}

/// <summary>The shape of an FSD v1 file (the fields docs/DEPLOYMENT.md lists): every known field, so typos such as <c>heathCheck</c> are reported.</summary>
internal sealed record FsdSchema(FsdFieldKind Kind, IReadOnlyDictionary<string, FsdSchema>? Fields = null, FsdSchema? Item = null)
{
    private static readonly FsdSchema Scalar = new(FsdFieldKind.Scalar);

    public static FsdSchema Root { get; } = Mapping(
        ("apiVersion", Scalar),
        ("kind", Scalar),
        ("metadata", Mapping(("name", Scalar), ("pack", Scalar), ("owner", Scalar), ("owners", Sequence(Scalar)))),
        ("service", Mapping(
            ("type", Scalar),
            ("image", Scalar),
            ("port", Scalar),
            ("healthCheck", Mapping(("path", Scalar), ("interval", Scalar), ("timeout", Scalar), ("healthyThreshold", Scalar), ("unhealthyThreshold", Scalar))),
            ("resources", Mapping(("cpu", Scalar), ("memory", Scalar), ("desiredCount", Scalar), ("minCapacity", Scalar), ("maxCapacity", Scalar))),
            ("autoScaling", Mapping(
                ("minCount", Scalar), ("maxCount", Scalar), ("targetCPU", Scalar), ("targetCPUUtilization", Scalar),
                ("targetMemoryUtilization", Scalar), ("scaleInCooldown", Scalar), ("scaleOutCooldown", Scalar))),
            ("environment", new FsdSchema(FsdFieldKind.Map)),
            ("secrets", Sequence(Mapping(("name", Scalar), ("valueFrom", Scalar)))),
            ("networking", Mapping(("vpc", Scalar), ("loadBalancer", Mapping(("type", Scalar), ("internal", Scalar), ("certificateArn", Scalar))))),
            ("observability", Mapping(
                ("metrics", Mapping(("enabled", Scalar))),
                ("traces", Mapping(("enabled", Scalar), ("otlpEndpoint", Scalar))),
                ("logs", Mapping(("enabled", Scalar), ("retention", Scalar))))),
            ("volumes", Sequence(Mapping(("name", Scalar), ("efs", Mapping(("fileSystemId", Scalar), ("rootDirectory", Scalar))), ("mountPath", Scalar)))))),
        ("dependencies", Sequence(Mapping(
            ("type", Scalar),
            ("name", Scalar),
            ("permissions", Sequence(Scalar)),
            ("attributes", Sequence(Mapping(("name", Scalar), ("type", Scalar)))),
            ("keySchema", Sequence(Mapping(("attributeName", Scalar), ("keyType", Scalar))))))));

    /// <summary>Reports every field the schema does not know and every value of the wrong shape.</summary>
    public void Check(YamlNode node, string path, Validation.ProblemList problems)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(problems);
        var line = (int)node.Start.Line;
        switch (Kind, node)
        {
            case (FsdFieldKind.Scalar, YamlScalarNode):
                break;
            case (FsdFieldKind.Map, YamlMappingNode map):
                foreach (var (key, value) in map.Children)
                {
                    if (value is not YamlScalarNode)
                    {
                        problems.Error($"{path}.{key}", (int)value.Start.Line, "is not a plain value.", "write it as NAME: value (quote it if needed).");
                    }
                }

                break;
            case (FsdFieldKind.Mapping, YamlMappingNode mapping):
                foreach (var (key, value) in mapping.Children)
                {
                    var name = ((YamlScalarNode)key).Value ?? "";
                    var field = path.Length == 0 ? name : $"{path}.{name}";
                    if (Fields!.TryGetValue(name, out var schema))
                    {
                        schema.Check(value, field, problems);
                    }
                    else
                    {
                        problems.Error(field, (int)key.Start.Line, $"unknown field '{name}'.", Suggest(name));
                    }
                }

                break;
            case (FsdFieldKind.Sequence, YamlSequenceNode sequence):
                var index = 0;
                foreach (var item in sequence.Children)
                {
                    Item!.Check(item, $"{path}[{index++}]", problems);
                }

                break;
            default:
                problems.Error(path, line, $"should be {Describe(Kind)}.", $"write {path} as {Describe(Kind)}.");
                break;
        }
    }

    private string Suggest(string name)
    {
        var known = Fields!.Keys.ToList();
        var closest = known.Select(k => (Key: k, Distance: Distance(k.ToUpperInvariant(), name.ToUpperInvariant()))).MinBy(k => k.Distance);
        return closest.Distance <= Math.Max(2, name.Length / 4)
            ? $"did you mean '{closest.Key}'?"
            : $"remove it, or use a known field: {string.Join(", ", known)}.";
    }

    private static string Describe(FsdFieldKind kind) => kind switch
    {
        FsdFieldKind.Scalar => "a single value",
        FsdFieldKind.Sequence => "a list",
        _ => "a mapping of fields",
    };

    /// <summary>Levenshtein distance: how many edits turn one name into the other.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    private static FsdSchema Mapping(params (string Name, FsdSchema Schema)[] fields) =>
        new(FsdFieldKind.Mapping, fields.ToDictionary(f => f.Name, f => f.Schema, StringComparer.Ordinal));

    private static FsdSchema Sequence(FsdSchema item) => new(FsdFieldKind.Sequence, Item: item);
}
