using System.Text.Json;

namespace MyService.Hosting.Publishing.Validation.Ecs;

internal static class EcsJson
{
    public static JsonElement? Parse(string text, ProblemList problems)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document.RootElement.Clone();
            }

            problems.Error("(file)", 1, "is not a JSON object.", "the file is the --cli-input-json object.");
        }
        catch (JsonException ex)
        {
            problems.Error("(file)", (int?)(ex.LineNumber + 1), $"is not valid JSON: {ex.Message}", "fix the JSON syntax at that line.");
        }

        return null;
    }
}
