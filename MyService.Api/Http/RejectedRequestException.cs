namespace MyService.Api.Http;

/// <summary>
/// A request refused before binding, with the field (header or part) at fault; <see cref="BadRequestExceptionHandler"/>
/// writes it as problem details like every other request-reading failure.
/// </summary>
internal sealed class RejectedRequestException(int statusCode, string field, string message) : BadHttpRequestException(message, statusCode)
{
    public string Field { get; } = field;

    /// <summary>A header the answer carries (set by the handler: the exception handler clears the response first).</summary>
    public KeyValuePair<string, string>? ResponseHeader { get; init; }
}
