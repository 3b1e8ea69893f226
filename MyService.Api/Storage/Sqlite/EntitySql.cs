namespace MyService.Api.Storage.Sqlite;

/// <summary>The statements of one entity table; its own columns plus id, version and timestamps.</summary>
internal sealed class EntitySql
{
    public EntitySql(string table, IReadOnlyList<(string Column, string Property)> fields)
    {
        var select = string.Join(", ", fields.Select(f => $"{f.Column} AS {f.Property}")
            .Prepend("id AS Id").Append("version AS Version").Append("created_at AS CreatedAt").Append("updated_at AS UpdatedAt"));
        var columns = string.Join(", ", fields.Select(f => f.Column));
        var values = string.Join(", ", fields.Select(f => "@" + f.Property));
        var assignments = string.Join(", ", fields.Select(f => $"{f.Column} = @{f.Property}"));

        Find = $"SELECT {select} FROM {table} WHERE id = @id";
        List = $"SELECT {select} FROM {table} WHERE id > @afterId ORDER BY id LIMIT @limit";
        Insert = $"INSERT INTO {table} ({columns}, version, created_at, updated_at) VALUES ({values}, 1, @now, @now) RETURNING {select}";
        Update = $"UPDATE {table} SET {assignments}, version = version + 1, updated_at = @now WHERE id = @id RETURNING {select}";
        Delete = $"DELETE FROM {table} WHERE id = @id RETURNING {select}";
        Version = $"SELECT version FROM {table} WHERE id = @id";
    }

    public string Find { get; }

    public string List { get; }

    public string Insert { get; }

    public string Update { get; }

    public string Delete { get; }

    public string Version { get; }
}
