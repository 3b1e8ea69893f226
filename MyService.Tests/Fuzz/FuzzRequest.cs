namespace MyService.Tests.Fuzz;

/// <summary>One generated request: what is sent, and a one-line description for a failure message.</summary>
public sealed record FuzzRequest(string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, string? ContentType, byte[]? Body)
{
    public string? Header(string name) => Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public override string ToString()
    {
        var headers = string.Join(" ", Headers.Select(h => $"{h.Key}: {Shorten(h.Value)}"));
        var body = Body is null ? "" : $" body[{Body.Length}]={Shorten(System.Text.Encoding.UTF8.GetString(Body))}";
        var type = ContentType is null ? "" : $" Content-Type: {Shorten(ContentType)}";
        return $"{Method} {Shorten(Target)}{type} {headers}{body}".TrimEnd();
    }

    private static string Shorten(string value) => value.Length <= 80 ? value : $"{value[..80]}...({value.Length})";
}
