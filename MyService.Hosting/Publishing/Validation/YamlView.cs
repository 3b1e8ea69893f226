using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MyService.Hosting.Publishing.Validation;

/// <summary>A node of a parsed YAML or JSON file (JSON is YAML: both get lines), read by dotted path; its problems name the whole field and line.</summary>
/// <param name="field">The node's own path: "" for the root, else e.g. <c>dependencies[0]</c>.</param>
internal sealed class YamlView(YamlNode node, string field, ProblemList problems)
{
    public ProblemList Problems => problems;

    /// <summary>The documents' roots; null, reported with its line, when the text is not valid <paramref name="format"/>.</summary>
    public static IReadOnlyList<YamlNode>? Load(string text, ProblemList problems, string format)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
            return [.. stream.Documents.Select(d => d.RootNode)];
        }
        catch (YamlException ex)
        {
            problems.Error("(file)", (int)ex.Start.Line, $"is not valid {format}: {ex.Message}", $"fix the {format} syntax at that line.");
            return null;
        }
    }

    public static YamlNode? Child(YamlNode? from, string name) =>
        from is YamlMappingNode mapping ? mapping.Children.FirstOrDefault(p => p.Key is YamlScalarNode key && key.Value == name).Value : null;

    public YamlNode? Get(string path) => path.Split('.', StringSplitOptions.RemoveEmptyEntries).Aggregate((YamlNode?)node, Child);

    public string? Text(string path) => Get(path) is YamlScalarNode scalar ? scalar.Value : null;

    /// <summary>The whole number at <paramref name="path"/>; null when it is missing or not one (the FSD schema reports that).</summary>
    public int? Number(string path) => int.TryParse(Text(path), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public bool? Flag(string path) => bool.TryParse(Text(path), out var value) ? value : null;

    public IReadOnlyList<YamlView> Items(string path) =>
        Get(path) is YamlSequenceNode sequence ? [.. sequence.Children.Select((n, i) => new YamlView(n, $"{FieldOf(path)}[{i}]", problems))] : [];

    public IReadOnlyList<string> Texts(string path) =>
        Get(path) is YamlSequenceNode sequence ? [.. sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "")] : [];

    public string FieldOf(string path) => field.Length == 0 ? path : path.Length == 0 ? field : $"{field}.{path}";

    /// <summary>The line of the field's key (a mapping starts at its first child), else of its nearest parent (where a missing field belongs).</summary>
    public int Line(string path)
    {
        var parts = path.Split('.', StringSplitOptions.RemoveEmptyEntries);
        for (var n = parts.Length; n > 0; n--)
        {
            if (Get(string.Join('.', parts[..(n - 1)])) is YamlMappingNode parent && parent.Children.Keys.FirstOrDefault(k => k is YamlScalarNode s && s.Value == parts[n - 1]) is { } key)
            {
                return (int)key.Start.Line;
            }
        }

        return field.Length == 0 ? 1 : (int)node.Start.Line;
    }

    /// <summary>Reports at <paramref name="path"/>, on the line of <paramref name="at"/> when that says better where.</summary>
    public void Error(string path, string message, string fix, string? at = null) => ErrorIf(true, path, message, fix, at);

    public void Warning(string path, string message, string fix, string? at = null) => WarningIf(true, path, message, fix, at);

    public void ErrorIf(bool when, string path, string message, string fix, string? at = null) => problems.ErrorIf(when, FieldOf(path), Line(at ?? path), message, fix);

    public void WarningIf(bool when, string path, string message, string fix, string? at = null) => problems.WarningIf(when, FieldOf(path), Line(at ?? path), message, fix);

    /// <summary>Reports a missing required field, at its parent's line.</summary>
    public void Require(string path, string fix) => ErrorIf(Get(path) is null, path, "is missing.", fix);

    /// <summary>The whole number at <paramref name="path"/> (or a string holding one, as ECS task cpu and memory are); another value is reported.</summary>
    public int? Integer(string path)
    {
        var value = Get(path);
        ErrorIf(value is not null && Number(path) is null, path, $"'{(value as YamlScalarNode)?.Value ?? value?.ToString()}' is not a whole number.", $"write {FieldOf(path)} as a number.");
        return Number(path);
    }

    /// <summary>The number at <paramref name="path"/>, reported when outside the range AWS accepts.</summary>
    public void Range(string path, int min, int max, string unit = "") => DeploymentRules.Range(problems, FieldOf(path), Line(path), Integer(path), min, max, unit);
}
