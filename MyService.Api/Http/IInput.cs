namespace MyService.Api.Http;

/// <summary>A request body: validated field by field, then normalised (trimmed) before it is stored.</summary>
public interface IInput<out TSelf>
{
    /// <summary>Problems keyed by the JSON field name; empty when the input is valid.</summary>
    Dictionary<string, string[]> Validate();

    TSelf Normalized();
}
