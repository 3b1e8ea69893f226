namespace MyService.Api.Storage.Sqlite;

/// <summary>
/// The statements of one entity table. Every statement returns the columns in one order: id, version, created_at,
/// updated_at, then the table's own (<see cref="FirstField"/> on), which the store reads by position.
/// </summary>
internal sealed class EntitySql
{
    public const int FirstField = 4;

    private static readonly string[] CommonColumns = ["id", "version", "created_at", "updated_at"];

    public EntitySql(string table, IReadOnlyList<string> fields)
    {
        var select = string.Join(", ", CommonColumns.Concat(fields));
        var columns = string.Join(", ", fields);
        var values = string.Join(", ", fields.Select(f => "@" + f));
        var assignments = string.Join(", ", fields.Select(f => $"{f} = @{f}"));

        Find = $"SELECT {select} FROM {table} WHERE id = @id";
        List = $"SELECT {select} FROM {table} WHERE id > @afterId ORDER BY id LIMIT @limit";
        Insert = $"INSERT INTO {table} ({columns}, version, created_at, updated_at) VALUES ({values}, 1, @now, @now) RETURNING {select}";
        // A replace or delete names the version it expects (If-Match) or NULL for any: one statement either way.
        const string Matches = "id = @id AND (@expected IS NULL OR version = @expected)";
        Update = $"UPDATE {table} SET {assignments}, version = version + 1, updated_at = @now WHERE {Matches} RETURNING {select}";
        Delete = $"DELETE FROM {table} WHERE {Matches} RETURNING {select}";
        Version = $"SELECT version FROM {table} WHERE id = @id";
    }

    public string Find { get; }

    public string List { get; }

    public string Insert { get; }

    public string Update { get; }

    public string Delete { get; }

    public string Version { get; }
}
