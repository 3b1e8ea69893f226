using System.Globalization;
using System.Text.RegularExpressions;

namespace MyService.Hosting.Publishing.Model;

/// <summary><c>${NAME}</c> values that FSD (or envsubst, for the ECS JSON) fills in: <c>${ENV}</c>, and GitHub variables the workflow passes.</summary>
internal static partial class Placeholders
{
    /// <summary><c>api</c>, <c>http</c> -> <c>${API_HTTP}</c>.</summary>
    public static string Of(params string[] parts) => $"${{{string.Join('_', parts.Select(p => p.ToUpperInvariant().Replace('-', '_')))}}}";

    /// <summary>Every placeholder in <paramref name="text"/> except <c>${ENV}</c>, sorted.</summary>
    public static IReadOnlyList<string> In(string text) =>
        [.. PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value).Where(n => n != "ENV").Distinct().Order(StringComparer.Ordinal)];

    /// <summary><c>Shop.AppHost</c> -> <c>shop</c>.</summary>
    public static string ApplicationNameFrom(string appHostDirectory)
    {
        var folder = Path.GetFileName(Path.TrimEndingDirectorySeparator(appHostDirectory));
        var name = folder.EndsWith(".AppHost", StringComparison.OrdinalIgnoreCase) ? folder[..^".AppHost".Length] : folder;
        return NonNameCharacters().Replace(name.ToLower(CultureInfo.InvariantCulture), "-").Trim('-');
    }

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonNameCharacters();
}
