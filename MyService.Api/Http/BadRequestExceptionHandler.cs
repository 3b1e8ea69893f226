using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace MyService.Api.Http;

/// <summary>
/// The one place request-reading failures become problem details that name the field: the framework's (malformed
/// JSON, wrong content type, a missing or oversized body) with the status it chose (400, 413, 415), and the API's own
/// refusals before binding (<see cref="RejectedRequestException"/>, from <see cref="RequestBodyMiddleware"/>).
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems, ILogger<BadRequestExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var (field, message) = Describe(bad);
        LogRejected(logger, bad.StatusCode, field);
        httpContext.Response.StatusCode = bad.StatusCode;
        if (bad is RejectedRequestException { ResponseHeader: var (name, value) })
        {
            httpContext.Response.Headers[name] = value;
        }

        var details = new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = bad.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => "Payload Too Large",
                StatusCodes.Status415UnsupportedMediaType => "Unsupported Media Type",
                _ => "Bad Request",
            },
            Detail = message,
            Extensions = { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } },
        };
        if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = bad }))
        {
            // The client's Accept rules out JSON: the same answer as text, still handled (not logged as a server error).
            httpContext.Response.ContentType = "text/plain; charset=utf-8";
            await httpContext.Response.WriteAsync($"{details.Title}: {message}", cancellationToken);
        }

        return true;
    }

    private static (string Field, string Message) Describe(BadHttpRequestException bad)
    {
        if (bad is RejectedRequestException rejected)
        {
            return (rejected.Field, rejected.Message);
        }

        if (bad.InnerException is JsonException json)
        {
            var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "body" : json.Path.TrimStart('$', '.');
            return (field, field == "body"
                ? "The body is not valid JSON."
                : $"The value of '{field}' is not valid JSON for its type.");
        }

        return bad.StatusCode switch
        {
            StatusCodes.Status415UnsupportedMediaType => ("Content-Type", "Send the body as application/json."),
            StatusCodes.Status413PayloadTooLarge => ("body", "The body is larger than this endpoint accepts."),
            _ when bad.Message.Contains("was not provided", StringComparison.Ordinal) => ("body", "A JSON body is required."),
            _ => ("request", bad.Message),
        };
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rejected a request with {Status}: field {Field}")]
    private static partial void LogRejected(ILogger logger, int status, string field);
}
