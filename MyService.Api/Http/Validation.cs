namespace MyService.Api.Http;

internal static class Validation
{
    public static void RequiredText(Dictionary<string, string[]> errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [$"The {field} field is required."];
        }
        else if (value.Trim().Length > maxLength)
        {
            errors[field] = [$"The {field} must be at most {maxLength} characters."];
        }
    }
}
