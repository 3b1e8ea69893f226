using System.Globalization;
using System.Text.Json;

namespace MyService.Hosting.Publishing.Validation.Ecs;

/// <summary>Reads ECS JSON by dotted path; a value of the wrong type is a problem (JSON has no line numbers here: the field path says where).</summary>
internal sealed class JsonView(ProblemList problems)
{
    public static JsonElement? Get(JsonElement from, string path)
    {
        var current = from;
        foreach (var part in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
            {
                return null;
            }
        }

        return current;
    }

    public static string? Text(JsonElement from, string path) => Get(from, path) is { ValueKind: JsonValueKind.String } e ? e.GetString() : null;

    public static IReadOnlyList<JsonElement> Items(JsonElement from, string path) =>
        Get(from, path) is { ValueKind: JsonValueKind.Array } array ? [.. array.EnumerateArray()] : [];

    /// <summary>A number, or a string holding one (task cpu and memory are strings in the API).</summary>
    public int? Number(JsonElement from, string path, string field)
    {
        switch (Get(from, path))
        {
            case null:
                return null;
            case { ValueKind: JsonValueKind.Number } number when number.TryGetInt32(out var value):
                return value;
            case { ValueKind: JsonValueKind.String } text when int.TryParse(text.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value):
                return value;
            case { } other:
                problems.Error(field, null, $"'{other}' is not a whole number.", $"write {field} as a number.");
                return null;
        }
    }

    public int? Range(JsonElement from, string path, string field, int min, int max, string unit)
    {
        var value = Number(from, path, field);
        if (value is { } v)
        {
            DeploymentRules.Range(problems, field, null, v, min, max, unit);
        }

        return value;
    }

    public void Expect(JsonElement from, string path, string field, string expected, string why)
    {
        var value = Get(from, path)?.ToString();
        if (value != expected)
        {
            problems.Error(field, null, $"is '{value ?? "missing"}', expected '{expected}': {why}.", $"set {field} to {expected}.");
        }
    }
}
