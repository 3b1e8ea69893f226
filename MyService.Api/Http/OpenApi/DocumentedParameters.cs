namespace MyService.Api.Http.OpenApi;

/// <summary>The parameters several endpoints share, described once with the bounds <see cref="RequestParsing"/> enforces.</summary>
internal static class DocumentedParameters
{
    public static readonly ParameterMetadata Limit = new("limit", $"The most results to return: 1 to {RequestParsing.MaxLimit}.")
    {
        Minimum = 1,
        Maximum = RequestParsing.MaxLimit,
        Default = RequestParsing.DefaultLimit,
    };

    public static ParameterMetadata Id(string entity) => new("id", $"The {entity}'s id, a positive whole number.") { Minimum = 1 };
}
