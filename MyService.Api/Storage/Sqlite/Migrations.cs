namespace MyService.Api.Storage.Sqlite;

/// <summary>The schema history. Append only: never edit a migration that has shipped.</summary>
public static class Migrations
{
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "users and items", """
            CREATE TABLE users (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                email TEXT NOT NULL COLLATE NOCASE UNIQUE,
                name TEXT NOT NULL,
                version INTEGER NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE TABLE items (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL,
                description TEXT NOT NULL,
                version INTEGER NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            """),
        new(2, "change feed", """
            CREATE TABLE events (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                entity_type TEXT NOT NULL,
                entity_id INTEGER NOT NULL,
                operation TEXT NOT NULL,
                version INTEGER NOT NULL,
                timestamp TEXT NOT NULL,
                payload TEXT NULL,
                traceparent TEXT NULL
            );
            CREATE INDEX ix_events_entity ON events (entity_type, entity_id);
            """),
        // Nothing reads events by entity; the index cost every write a page at a random place in it (a PUT's or a
        // DELETE's entity is anywhere), which the WAL and its checkpoints then had to copy.
        new(3, "no index of events by entity", "DROP INDEX ix_events_entity;"),
    ];

    public static int Latest => All[^1].Version;
}
