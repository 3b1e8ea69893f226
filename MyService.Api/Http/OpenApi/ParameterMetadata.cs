namespace MyService.Api.Http.OpenApi;

/// <summary>
/// Endpoint metadata: what a route or query parameter means. Handlers bind such values as strings so that
/// <see cref="RequestParsing"/> can name the one at fault; a parameter with <see cref="Minimum"/> is documented as
/// the integer it must hold, with its bounds and default (a 32-bit one when <see cref="Maximum"/> fits, else 64-bit).
/// </summary>
internal sealed record ParameterMetadata(string Name, string Description)
{
    public long? Minimum { get; init; }

    public long? Maximum { get; init; }

    public long? Default { get; init; }
}
