using Microsoft.Data.Sqlite;

namespace MyService.Api.Storage.Sqlite;

/// <summary>Parameters of a prepared command, reused from one execution to the next.</summary>
public static class SqliteSessionExtensions
{
    /// <summary>Sets <paramref name="name"/> (e.g. <c>@id</c>) to <paramref name="value"/>; null is SQL NULL.</summary>
    public static SqliteCommand Set(this SqliteCommand command, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parameters = command.Parameters;
        var index = parameters.IndexOf(name);
        if (index < 0)
        {
            parameters.Add(new SqliteParameter(name, value ?? DBNull.Value));
        }
        else
        {
            parameters[index].Value = value ?? DBNull.Value;
        }

        return command;
    }
}
