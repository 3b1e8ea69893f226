using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace MyService.Hosting.Publishing.Fsd;

/// <summary>
/// An environment's differences from the base FSD file as <c>fsd deploy --override path=value</c> flags, found by
/// comparing the two files field by field, so every override the model can express reaches the workflow.
/// </summary>
internal static class FsdOverrides
{
    public static IReadOnlyList<string> Between(string baseYaml, string environmentYaml)
    {
        var before = Flatten(baseYaml);
        return [.. Flatten(environmentYaml).Where(p => before.GetValueOrDefault(p.Key) != p.Value).Select(p => $"{p.Key}={p.Value}")];
    }

    private static SortedDictionary<string, string> Flatten(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Walk(stream.Documents[0].RootNode, "", values);
        return values;
    }

    private static void Walk(YamlNode node, string path, SortedDictionary<string, string> values)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                values[path] = scalar.Value ?? "";
                break;
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    Walk(value, path.Length == 0 ? ((YamlScalarNode)key).Value! : $"{path}.{key}", values);
                }

                break;
            case YamlSequenceNode sequence:
                var index = 0;
                foreach (var item in sequence.Children)
                {
                    Walk(item, $"{path}.{(index++).ToString(CultureInfo.InvariantCulture)}", values);
                }

                break;
        }
    }
}
