using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace MyService.Hosting.Publishing.Validation.Fsd;

internal enum FsdFieldKind
{
    /// <summary>A single value read as text.</summary>
    Scalar,

    /// <summary>A single whole number.</summary>
    Integer,

    /// <summary>A single true or false.</summary>
    Boolean,

    Mapping,
    Sequence,

    /// <summary>A mapping of free names to scalars (environment).</summary>
    Map,
}

/// <summary>
/// The shape of an FSD v1 file: every field the platform's FSD documents use, at every level, so that a name outside
/// them (a typo such as <c>heathCheck</c>) is reported with the nearest known name, and a value of the wrong type is
/// reported once, here, rather than by each rule that reads it.
/// </summary>
internal sealed record FsdSchema(FsdFieldKind Kind, IReadOnlyDictionary<string, FsdSchema>? Fields = null, FsdSchema? Item = null)
{
    private static readonly FsdSchema Text = new(FsdFieldKind.Scalar);
    private static readonly FsdSchema Integer = new(FsdFieldKind.Integer);
    private static readonly FsdSchema Boolean = new(FsdFieldKind.Boolean);

    public static FsdSchema Root { get; } = Mapping(
        ("apiVersion", Text),
        ("kind", Text),
        ("metadata", Mapping(("name", Text), ("pack", Text), ("owner", Text), ("owners", Sequence(Text)))),
        ("service", Mapping(
            ("type", Text),
            ("image", Text),
            ("port", Integer),
            ("healthCheck", Mapping(("path", Text), ("interval", Integer), ("timeout", Integer), ("healthyThreshold", Integer), ("unhealthyThreshold", Integer))),
            ("resources", Mapping(("cpu", Integer), ("memory", Integer), ("desiredCount", Integer), ("minCapacity", Integer), ("maxCapacity", Integer))),
            ("autoScaling", Mapping(
                ("minCount", Integer), ("maxCount", Integer), ("targetCPU", Integer), ("targetCPUUtilization", Integer),
                ("targetMemoryUtilization", Integer), ("scaleInCooldown", Integer), ("scaleOutCooldown", Integer))),
            ("environment", new FsdSchema(FsdFieldKind.Map)),
            ("secrets", Sequence(Mapping(("name", Text), ("valueFrom", Text)))),
            ("networking", Mapping(("vpc", Boolean), ("loadBalancer", Mapping(("type", Text), ("internal", Boolean), ("certificateArn", Text))))),
            ("observability", Mapping(
                ("metrics", Mapping(("enabled", Boolean), ("port", Integer), ("path", Text))),
                ("traces", Mapping(("enabled", Boolean), ("otlpEndpoint", Text))),
                ("logs", Mapping(("enabled", Boolean), ("retention", Integer))))),
            ("volumes", Sequence(Mapping(("name", Text), ("efs", Mapping(("fileSystemId", Text), ("rootDirectory", Text))), ("mountPath", Text)))))),
        ("dependencies", Sequence(Mapping(
            ("type", Text),
            ("name", Text),
            ("permissions", Sequence(Text)),
            // aws_dynamodb_table
            ("attributes", Sequence(Mapping(("name", Text), ("type", Text)))),
            ("keySchema", Sequence(Mapping(("attributeName", Text), ("keyType", Text)))),
            // aws_efs_file_system
            ("encrypted", Boolean),
            ("performanceMode", Text)))));

    /// <summary>Reports every field the schema does not know and every value of the wrong shape or type.</summary>
    public void Check(YamlNode node, string path, Validation.ProblemList problems)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(problems);
        var line = (int)node.Start.Line;
        switch (Kind, node)
        {
            case (FsdFieldKind.Scalar, YamlScalarNode):
                break;
            case (FsdFieldKind.Integer, YamlScalarNode scalar):
                if (!IsPlaceholder(scalar.Value) && !int.TryParse(scalar.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                {
                    problems.Error(path, line, $"'{scalar.Value}' is not a whole number.", $"write {path} as a number, without quotes or units.");
                }

                break;
            case (FsdFieldKind.Boolean, YamlScalarNode scalar):
                if (!IsPlaceholder(scalar.Value) && !bool.TryParse(scalar.Value, out _))
                {
                    problems.Error(path, line, $"'{scalar.Value}' is not true or false.", $"write {path}: true or {path}: false.");
                }

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

    /// <summary>A whole value of <c>${NAME}</c> is filled in at deploy time, so its type cannot be checked here.</summary>
    public static bool IsPlaceholder(string? value) =>
        value is { Length: > 3 } v && v.StartsWith("${", StringComparison.Ordinal) && v.EndsWith('}') && v.IndexOf('}', StringComparison.Ordinal) == v.Length - 1;

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
        FsdFieldKind.Integer => "a whole number",
        FsdFieldKind.Boolean => "true or false",
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
