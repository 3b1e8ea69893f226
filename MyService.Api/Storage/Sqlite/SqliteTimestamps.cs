using System.Globalization;

namespace MyService.Api.Storage.Sqlite;

/// <summary>Timestamps as round-trip ISO 8601 text in UTC ("O"): readable with the sqlite3 shell and sortable.</summary>
internal static class SqliteTimestamps
{
    public static string Format(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>"O" text has a dedicated fast parser; anything else (a hand-edited row) goes through the general one.</summary>
    public static DateTimeOffset Parse(string value) =>
        DateTimeOffset.TryParseExact(value, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
