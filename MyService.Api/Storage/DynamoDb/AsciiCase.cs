namespace MyService.Api.Storage.DynamoDb;

/// <summary>Case folding as SQLite's NOCASE collation does it: A-Z to a-z, every other character as it is.</summary>
internal static class AsciiCase
{
    public static string Fold(string value) => string.Create(value.Length, value, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = source[i] is >= 'A' and <= 'Z' ? (char)(source[i] + 32) : source[i];
        }
    });
}
