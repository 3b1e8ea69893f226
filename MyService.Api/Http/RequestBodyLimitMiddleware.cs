using Microsoft.AspNetCore.Http.Features;

namespace MyService.Api.Http;

/// <summary>
/// Caps request bodies well below Kestrel's 30 MB default: entities are small, and a client that sends megabytes
/// is mistaken or hostile. A declared length over the cap is refused before reading; a chunked body that grows
/// past it fails in Kestrel with a 413 that <see cref="BadRequestExceptionHandler"/> describes.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next)
{
    public const long MaxBodyBytes = 64 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            throw new BadHttpRequestException(
                $"The body is {context.Request.ContentLength} bytes; at most {MaxBodyBytes} are accepted.", StatusCodes.Status413PayloadTooLarge);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        return next(context);
    }
}
