using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace MyService.Hosting.Publishing.Validation;

/// <summary>Reads values out of a parsed YAML file by dotted path, with their line numbers; a missing required field is a problem.</summary>
internal sealed class YamlView(YamlNode root, ProblemList problems)
{
    public YamlNode Root { get; } = root;

    public static YamlNode? Child(YamlNode? node, string name) =>
        node is YamlMappingNode mapping ? mapping.Children.FirstOrDefault(p => p.Key is YamlScalarNode key && key.Value == name).Value : null;

    public YamlNode? Node(string path) => Node(Root, path);

    public static YamlNode? Node(YamlNode? from, string path) => path.Split('.').Aggregate(from, Child);

    /// <summary>
    /// The line of the field's name, or of the nearest parent that exists (to say where a missing field belongs): a
    /// mapping's own node starts at its first child, so the key is what points at the field itself.
    /// </summary>
    public int Line(string path)
    {
        var parts = path.Split('.');
        for (var n = parts.Length; n > 0; n--)
        {
            var parent = n == 1 ? Root : Node(string.Join('.', parts[..(n - 1)]));
            if (parent is YamlMappingNode && Child(parent, parts[n - 1]) is not null)
            {
                return LineOf(parent, parts[n - 1]);
            }
        }

        return 1;
    }

    /// <summary>The line of <paramref name="name"/>'s key in the mapping <paramref name="from"/>, else of the mapping itself.</summary>
    public static int LineOf(YamlNode from, string name)
    {
        ArgumentNullException.ThrowIfNull(from);
        var key = from is YamlMappingNode mapping ? mapping.Children.Keys.FirstOrDefault(k => k is YamlScalarNode s && s.Value == name) : null;
        return (int)(key ?? from).Start.Line;
    }

    public string? Text(string path) => Text(Root, path);

    public static string? Text(YamlNode? from, string path) =>
        Node(from, path) is YamlScalarNode scalar ? scalar.Value : null;

    /// <summary>The whole number at <paramref name="path"/>; null when it is missing or not a number (which <see cref="FsdSchema"/> reports).</summary>
    public int? Number(string path) => Number(Root, path);

    public static int? Number(YamlNode? from, string path) =>
        Node(from, path) is YamlScalarNode scalar && int.TryParse(scalar.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The true or false at <paramref name="path"/>; null when it is missing or neither (which <see cref="FsdSchema"/> reports).</summary>
    public bool? Flag(string path) => Flag(Root, path);

    public static bool? Flag(YamlNode? from, string path) =>
        Node(from, path) is YamlScalarNode scalar && bool.TryParse(scalar.Value, out var value) ? value : null;

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
