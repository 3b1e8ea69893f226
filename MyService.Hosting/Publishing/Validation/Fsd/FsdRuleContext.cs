using MyService.Hosting.Publishing.Model;
using YamlDotNet.RepresentationModel;

namespace MyService.Hosting.Publishing.Validation.Fsd;

/// <summary>What each section's rules read: the parsed file, where problems go, and the model's service when there is one.</summary>
/// <param name="Expected">The service as the app model publishes it; null when the model has no such service (rules only).</param>
internal sealed record FsdRuleContext(YamlView Yaml, ProblemList Problems, PublishedService? Expected)
{
    public int Line(string path) => Yaml.Line(path);

    public int? Number(string path) => Yaml.Number(path);

    /// <summary>A field the platform cannot do without: missing is an error.</summary>
    public int? Required(string path) => Yaml.Require(path, $"set {path}.") ? Yaml.Number(path) : null;

    /// <summary>The number at <paramref name="path"/>, reported when outside the range AWS accepts.</summary>
    public int? RangeOf(string path, int min, int max, string unit)
    {
        var value = Yaml.Number(path);
        if (value is { } v)
        {
            DeploymentRules.Range(Problems, path, Yaml.Line(path), v, min, max, unit);
        }

        return value;
    }

    /// <summary>The service keeps a SQLite database: the model says so, or a variable names a SQLite file.</summary>
    public bool UsesSqlite() =>
        Expected?.SingleTask == true
        || (Yaml.Node("service.environment") as YamlMappingNode)?.Children.Values.OfType<YamlScalarNode>().Any(v => SqliteLocation.Find(v.Value ?? "") is not null) == true;
}
