using MyService.Api.Http;

namespace MyService.Api.Items;

/// <summary>The body of POST and PUT /items. A missing description is stored as empty.</summary>
public sealed record ItemInput(string? Name, string? Description) : IInput<ItemInput>
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 4000;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        Validation.RequiredText(errors, "name", Name, MaxNameLength);
        if (Description is { Length: > MaxDescriptionLength })
        {
            errors["description"] = [$"The description must be at most {MaxDescriptionLength} characters."];
        }

        return errors;
    }

    public ItemInput Normalized() => new(Name!.Trim(), Description?.Trim() ?? "");
}
