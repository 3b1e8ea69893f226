using Microsoft.AspNetCore.Http;

namespace MyService.Api.Http;

/// <summary>
/// A body its endpoint does not accept (IAcceptsMetadata: JSON) makes routing select its own endpoint that answers a
/// bare 415, so no handler or binder of the API runs; this names the header at fault and the fix.
/// </summary>
internal static class UnsupportedMediaType
{
    public static void Describe(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Status != StatusCodes.Status415UnsupportedMediaType || context.ProblemDetails.Extensions.ContainsKey("errors"))
        {
            return;
        }

        const string message = "Send the body as application/json.";
        context.ProblemDetails.Detail ??= $"Content-Type '{context.HttpContext.Request.ContentType}' is not accepted. {message}";
        context.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]> { ["Content-Type"] = [message] };
    }
}
