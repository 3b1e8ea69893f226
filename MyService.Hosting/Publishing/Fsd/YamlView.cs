using System.Globalization;
using MyService.Hosting.Publishing.Validation;
using YamlDotNet.RepresentationModel;

namespace MyService.Hosting.Publishing.Fsd;

/// <summary>Reads values out of a parsed YAML file by dotted path, with their line numbers; a value of the wrong type is a problem.</summary>
internal sealed class YamlView(YamlNode root, ProblemList problems)
{
    public YamlNode Root { get; } = root;

    public static YamlNode? Child(YamlNode? node, string name) =>
        node is YamlMappingNode mapping ? mapping.Children.FirstOrDefault(p => p.Key is YamlScalarNode key && key.Value == name).Value : null;

    public YamlNode? Node(string path) => Node(Root, path);

    public static YamlNode? Node(YamlNode? from, string path) => path.Split('.').Aggregate(from, Child);

    /// <summary>The line of the field, or of the nearest parent that exists (to say where a missing field belongs).</summary>
    public int Line(string path)
    {
        var parts = path.Split('.');
        for (var n = parts.Length; n > 0; n--)
        {
            if (Node(string.Join('.', parts[..n])) is { } node)
            {
                return (int)node.Start.Line;
            }
        }

        return 1;
    }

    public string? Text(string path) => Text(Root, path);

    public static string? Text(YamlNode? from, string path) =>
        Node(from, path) is YamlScalarNode scalar ? scalar.Value : null;

    public int? Number(string path) => Number(Root, path, path);

    public int? Number(YamlNode? from, string path, string field)
    {
        if (Node(from, path) is not YamlScalarNode scalar)
        {
            return null;
        }

        if (int.TryParse(scalar.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problems.Error(field, (int)scalar.Start.Line, $"'{scalar.Value}' is not a whole number.", $"write {field} as a number, without quotes or units.");
        return null;
    }

    public bool? Flag(string path)
    {
        if (Node(path) is not YamlScalarNode scalar)
        {
            return null;
        }

        if (bool.TryParse(scalar.Value, out var value))
        {
            return value;
        }

        problems.Error(path, (int)scalar.Start.Line, $"'{scalar.Value}' is not true or false.", $"write {path}: true or {path}: false.");
        return null;
    }

    public IReadOnlyList<YamlNode> Items(string path) => Node(path) is YamlSequenceNode sequence ? [.. sequence.Children] : [];

    public static IReadOnlyList<string> Texts(YamlNode? from, string path) =>
        Node(from, path) is YamlSequenceNode sequence ? [.. sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "")] : [];

    /// <summary>Reports a missing required field at its parent's line.</summary>
    public bool Require(string path, string fix)
    {
        if (Node(path) is not null)
        {
            return true;
        }

        problems.Error(path, Line(path), "is missing.", fix);
        return false;
    }
}
