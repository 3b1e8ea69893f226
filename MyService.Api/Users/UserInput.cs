using System.Net.Mail;
using MyService.Api.Http;

namespace MyService.Api.Users;

/// <summary>The body of POST and PUT /users.</summary>
public sealed record UserInput(string? Email, string? Name) : IInput<UserInput>
{
    public const int MaxEmailLength = 254; // RFC 5321's limit on a forward path
    public const int MaxNameLength = 200;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Email))
        {
            errors["email"] = ["The email field is required."];
        }
        else if (Email.Length > MaxEmailLength)
        {
            errors["email"] = [$"The email must be at most {MaxEmailLength} characters."];
        }
        else if (!IsEmail(Email))
        {
            errors["email"] = ["The email is not a valid address."];
        }

        Validation.RequiredText(errors, "name", Name, MaxNameLength);
        return errors;
    }

    public UserInput Normalized() => new(Email!.Trim(), Name!.Trim());

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value.Trim(), out var address) && address.Address == value.Trim() && address.Host.Contains('.', StringComparison.Ordinal);
}
