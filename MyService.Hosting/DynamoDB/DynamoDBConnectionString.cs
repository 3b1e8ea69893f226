using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace MyService.Hosting.DynamoDB;

/// <summary>
/// What <c>ConnectionStrings:{name}</c> may say of a DynamoDB that is already running: its URL
/// (<c>http://localhost:8000</c>), or <c>Endpoint=http://localhost:8000;Region=us-east-1</c>.
/// </summary>
internal sealed partial record DynamoDBConnectionString(string Endpoint, string Region)
{
    public const string Example = "http://localhost:8000 or Endpoint=http://localhost:8000;Region=us-east-1";

    /// <summary>False with one sentence naming what is wrong; the caller adds the key and the fix.</summary>
    public static bool TryParse(string value, [NotNullWhen(true)] out DynamoDBConnectionString? parsed, [NotNullWhen(false)] out string? problem)
    {
        parsed = null;
        var endpoint = value.Trim();
        var region = DynamoDBLocalResource.DefaultRegion;
        // A URL may hold '=' in its query (refused below), so pairs are what does not read as a URL.
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out _) && endpoint.Contains('=', StringComparison.Ordinal))
        {
            var builder = new DbConnectionStringBuilder();
            try
            {
                builder.ConnectionString = endpoint;
            }
            catch (ArgumentException)
            {
                // Not echoed: what does not parse may hold anything, a secret pasted by mistake too.
                problem = "it is neither a URL nor Key=Value pairs separated by ';'";
                return false;
            }

            if (builder.Keys.Cast<string>().FirstOrDefault(k => !IsKnown(k)) is { } unknown)
            {
                problem = $"'{unknown}' is not a key it knows (Endpoint, Region)";
                return false;
            }

            endpoint = builder.TryGetValue("Endpoint", out var e) ? Convert.ToString(e, System.Globalization.CultureInfo.InvariantCulture)?.Trim() ?? "" : "";
            if (builder.TryGetValue("Region", out var r))
            {
                region = Convert.ToString(r, System.Globalization.CultureInfo.InvariantCulture)?.Trim() ?? "";
            }
        }

        if (Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0)
        {
            problem = "its URL holds a user name or password, which a DynamoDB endpoint does not take (and which would show in logs)";
            return false;
        }

        if (uri is null || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
        {
            problem = endpoint.Length == 0 ? "it names no Endpoint" : $"'{endpoint}' is not an http or https URL";
            return false;
        }

        if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            problem = $"'{endpoint}' has a query or a fragment, which an endpoint does not";
            return false;
        }

        if (!RegionName().IsMatch(region))
        {
            problem = $"'{region}' is not a region name (lower-case letters, digits and '-', e.g. us-east-1)";
            return false;
        }

        parsed = new(uri.GetLeftPart(UriPartial.Path).TrimEnd('/'), region);
        problem = null;
        return true;
    }

    private static bool IsKnown(string key) =>
        key.Equals("Endpoint", StringComparison.OrdinalIgnoreCase) || key.Equals("Region", StringComparison.OrdinalIgnoreCase);

    // Loose on purpose: DynamoDB Local and its look-alikes accept any region a client signs with.
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex RegionName();
}
