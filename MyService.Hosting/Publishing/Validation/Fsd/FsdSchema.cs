using System.Globalization;
using Quickenshtein;
using YamlDotNet.RepresentationModel;

namespace MyService.Hosting.Publishing.Validation.Fsd;

/// <summary>What a field holds; <see cref="FsdFieldKind.Map"/> is a mapping of free names to scalars (environment).</summary>
internal enum FsdFieldKind
{
    Scalar,
    Integer,
    Boolean,
    Mapping,
    Sequence,
    Map,
}

/// <summary>
/// The shape of an FSD v1 file: every field the platform's FSD documents use, at every level, so that a name outside
/// them (a typo such as <c>heathCheck</c>) is reported with the nearest known name, and a value of the wrong type, or a
/// number outside the range AWS accepts, is reported once, here, rather than by each rule that reads it.
/// </summary>
internal sealed record FsdSchema(FsdFieldKind Kind, IReadOnlyDictionary<string, FsdSchema>? Fields = null, FsdSchema? Item = null, (int Min, int Max, string Unit)? Range = null)
{
    private static readonly FsdSchema Text = new(FsdFieldKind.Scalar);
    private static readonly FsdSchema Integer = new(FsdFieldKind.Integer);
    private static readonly FsdSchema Boolean = new(FsdFieldKind.Boolean);

    public static FsdSchema Root { get; } = Mapping(
        ("apiVersion", Text), ("kind", Text),
        ("metadata", Mapping(("name", Text), ("pack", Text), ("owner", Text), ("owners", Sequence(Text)))),
        ("service", Mapping(
            ("type", Text), ("image", Text), ("port", Between(1, 65535)),
            // The ELB target group health check limits: the load balancer refuses others.
            ("healthCheck", Mapping(("path", Text), ("interval", Between(5, 300, " seconds")), ("timeout", Between(2, 120, " seconds")), ("healthyThreshold", Between(2, 10)), ("unhealthyThreshold", Between(2, 10)))),
            ("resources", Mapping(("cpu", Integer), ("memory", Integer), ("desiredCount", Integer), ("minCapacity", Integer), ("maxCapacity", Integer))),
            ("autoScaling", Mapping(("minCount", Integer), ("maxCount", Integer), ("targetCPU", Integer), ("targetCPUUtilization", Integer), ("targetMemoryUtilization", Integer), ("scaleInCooldown", Integer), ("scaleOutCooldown", Integer))),
            ("environment", new FsdSchema(FsdFieldKind.Map)),
            ("secrets", Sequence(Mapping(("name", Text), ("valueFrom", Text)))),
            ("networking", Mapping(("vpc", Boolean), ("loadBalancer", Mapping(("type", Text), ("internal", Boolean), ("certificateArn", Text))))),
            ("observability", Mapping(
                ("metrics", Mapping(("enabled", Boolean), ("port", Between(1, 65535)), ("path", Text))),
                ("traces", Mapping(("enabled", Boolean), ("otlpEndpoint", Text))),
                ("logs", Mapping(("enabled", Boolean), ("retention", Integer))))),
            ("volumes", Sequence(Mapping(("name", Text), ("efs", Mapping(("fileSystemId", Text), ("rootDirectory", Text))), ("mountPath", Text)))))),
        ("dependencies", Sequence(Mapping(
            ("type", Text), ("name", Text), ("permissions", Sequence(Text)),
            // aws_dynamodb_table, then aws_efs_file_system
            ("attributes", Sequence(Mapping(("name", Text), ("type", Text)))), ("keySchema", Sequence(Mapping(("attributeName", Text), ("keyType", Text)))),
            ("encrypted", Boolean), ("performanceMode", Text)))));

    /// <summary>Reports every field the schema does not know, every value of the wrong shape or type, and every number out of range.</summary>
    public void Check(YamlNode node, string path, ProblemList problems)
    {
        var line = (int)node.Start.Line;
        switch (Kind, node)
        {
            case (FsdFieldKind.Scalar, YamlScalarNode):
            case (FsdFieldKind.Integer or FsdFieldKind.Boolean, YamlScalarNode { Value: var value }) when IsPlaceholder(value):
                break;
            case (FsdFieldKind.Integer, YamlScalarNode { Value: var value }):
                var isNumber = int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number);
                problems.ErrorIf(!isNumber, path, line, $"'{value}' is not a whole number.", $"write {path} as a number, without quotes or units.");
                if (isNumber && Range is var (min, max, unit))
                {
                    DeploymentRules.Range(problems, path, line, number, min, max, unit);
                }

                break;
            case (FsdFieldKind.Boolean, YamlScalarNode { Value: var value }):
                problems.ErrorIf(!bool.TryParse(value, out _), path, line, $"'{value}' is not true or false.", $"write {path}: true or {path}: false.");
                break;
            case (FsdFieldKind.Map, YamlMappingNode map):
                foreach (var (key, value) in map.Children.Where(p => p.Value is not YamlScalarNode))
                {
                    problems.Error($"{path}.{key}", (int)value.Start.Line, "is not a plain value.", "write it as NAME: value (quote it if needed).");
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
                foreach (var (item, index) in sequence.Children.Select((n, i) => (n, i)))
                {
                    Item!.Check(item, $"{path}[{index}]", problems);
                }

                break;
            default:
                var expected = Kind switch
                {
                    FsdFieldKind.Scalar => "a single value",
                    FsdFieldKind.Integer => "a whole number",
                    FsdFieldKind.Boolean => "true or false",
                    FsdFieldKind.Sequence => "a list",
                    _ => "a mapping of fields",
                };
                problems.Error(path, line, $"should be {expected}.", $"write {path} as {expected}.");
                break;
        }
    }

    /// <summary>A whole value of <c>${NAME}</c> is filled in at deploy time, so its type cannot be checked here.</summary>
    private static bool IsPlaceholder(string? value) =>
        value is { Length: > 3 } v && v.StartsWith("${", StringComparison.Ordinal) && v.EndsWith('}') && v.IndexOf('}', StringComparison.Ordinal) == v.Length - 1;

    private string Suggest(string name)
    {
        var known = Fields!.Keys.ToList();
        var closest = known.Select(k => (Key: k, Distance: Levenshtein.GetDistance(k.ToUpperInvariant(), name.ToUpperInvariant()))).MinBy(k => k.Distance);
        return closest.Distance <= Math.Max(2, name.Length / 4)
            ? $"did you mean '{closest.Key}'?"
            : $"remove it, or use a known field: {string.Join(", ", known)}.";
    }

    private static FsdSchema Between(int min, int max, string unit = "") => new(FsdFieldKind.Integer, Range: (min, max, unit));

    private static FsdSchema Mapping(params (string Name, FsdSchema Schema)[] fields) =>
        new(FsdFieldKind.Mapping, fields.ToDictionary(f => f.Name, f => f.Schema, StringComparer.Ordinal));

    private static FsdSchema Sequence(FsdSchema item) => new(FsdFieldKind.Sequence, Item: item);
}
