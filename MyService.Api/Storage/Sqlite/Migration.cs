namespace MyService.Api.Storage.Sqlite;

/// <summary>One schema step. Versions are applied once each, in order, each in its own transaction.</summary>
public sealed record Migration(int Version, string Name, string Sql);
