using System.Text.RegularExpressions;

namespace MyService.Hosting.ApplicationModel;

internal static partial class ResourceNames
{
    /// <summary>Names become environment variable parts and host names, so they follow Aspire's rule.</summary>
    public static string Validate(string name)
    {
        if (!NamePattern().IsMatch(name))
        {
            throw new ArgumentException(
                $"Resource name '{name}' is invalid: use letters, digits and hyphens, starting with a letter (at most 64 characters).", nameof(name));
        }

        return name;
    }

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9-]{0,63}$")]
    private static partial Regex NamePattern();
}
