using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace MyService.Api.Http;

/// <summary>
/// Parses route, query and header values by hand so that a bad one is a 400 naming it (model binding would
/// answer a bare 400 or a 404 for a non-numeric id).
/// </summary>
internal static class RequestParsing
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
    private const string CursorPrefix = "after:";

    public static bool TryParseId(string value, out long id) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    public static string? ParseLimit(string? value, out int limit)
    {
        limit = DefaultLimit;
        if (value is null)
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= MaxLimit
            ? null
            : $"The limit must be a whole number from 1 to {MaxLimit}.";
    }

    public static string? ParseSequence(string? value, out long after)
    {
        after = 0;
        return value is null || long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out after)
            ? null
            : "The after value must be a sequence number of 0 or more.";
    }

    /// <summary>A long-poll wait in whole seconds, 0 (answer at once, the default) to <paramref name="maxSeconds"/>.</summary>
    public static string? ParseWait(string? value, int maxSeconds, out TimeSpan wait)
    {
        wait = TimeSpan.Zero;
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= maxSeconds)
        {
            wait = TimeSpan.FromSeconds(seconds);
            return null;
        }

        return $"The wait must be a whole number of seconds from 0 to {maxSeconds}.";
    }

    /// <summary>An opaque cursor: base64url of the last id seen, so clients cannot depend on its shape.</summary>
    public static string EncodeCursor(long lastId) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(CursorPrefix + lastId.ToString(CultureInfo.InvariantCulture)));

    public static string? ParseCursor(string? value, out long afterId)
    {
        afterId = 0;
        if (value is null)
        {
            return null;
        }

        var decoded = Base64Url.IsValid(value) ? Encoding.UTF8.GetString(Base64Url.DecodeFromChars(value)) : "";
        return decoded.StartsWith(CursorPrefix, StringComparison.Ordinal)
            && long.TryParse(decoded.AsSpan(CursorPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out afterId)
            ? null
            : "The cursor is not one this API returned; use nextCursor from the previous page.";
    }

    /// <summary>If-Match as an entity version: <c>"3"</c>, <c>W/"3"</c> or <c>3</c>; <c>*</c> or absent means any.</summary>
    public static string? ParseIfMatch(string? header, out long? version)
    {
        version = null;
        var value = header?.Trim();
        if (string.IsNullOrEmpty(value) || value == "*")
        {
            return null;
        }

        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        if (long.TryParse(value.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            version = parsed;
            return null;
        }

        return "If-Match must be the entity's ETag, e.g. \"3\".";
    }

    public static string ETag(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";
}
