using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace MyService.Api.Http;

/// <summary>
/// What a body must be before an endpoint that reads one binds it; each refusal is a
/// <see cref="RejectedRequestException"/> naming the header at fault:
/// <list type="bullet">
/// <item>at most <see cref="MaxBodyBytes"/>, well below Kestrel's 30 MB: entities are small, and a client that sends
/// megabytes is mistaken or hostile (a declared length is refused before reading; a chunked body that grows past it
/// fails in Kestrel with a 413);</item>
/// <item>no content coding: the API does not decompress, and a gzip body read as JSON would be a misleading 400;</item>
/// <item>a charset the JSON reader can decode: an unknown one (or UTF-7, which .NET refuses) otherwise fails deep in
/// the reader as a server error.</item>
/// </list>
/// </summary>
internal sealed class RequestBodyMiddleware(RequestDelegate next)
{
    public const long MaxBodyBytes = 64 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        // Only endpoints that bind a body carry IAcceptsMetadata; elsewhere the body is never read, so not judged.
        if (context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is not null)
        {
            if (request.ContentLength > MaxBodyBytes)
            {
                throw new RejectedRequestException(
                    StatusCodes.Status413PayloadTooLarge, "body", $"The body is {request.ContentLength} bytes; at most {MaxBodyBytes} are accepted.");
            }

            CheckContentCoding(request);
            CheckCharset(request);

            // Set only for a body that will be read, after every refusal: a body left unread is drained by Kestrel
            // under this same limit, and one over it would cut the connection the answer was just written to, under
            // a client about to reuse it.
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = MaxBodyBytes;
            }
        }

        return next(context);
    }

    private static void CheckContentCoding(HttpRequest request)
    {
        if (StringValues.IsNullOrEmpty(request.Headers.ContentEncoding))
        {
            return;
        }

        // A list of codings, applied in order; identity alone (or repeated) changes nothing.
        var codings = request.Headers.ContentEncoding.ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (codings.Any(coding => !coding.Equals("identity", StringComparison.OrdinalIgnoreCase)))
        {
            throw new RejectedRequestException(
                StatusCodes.Status415UnsupportedMediaType, "Content-Encoding", "Send the body uncompressed (no Content-Encoding, or identity).")
            {
                // RFC 9110 15.5.16: a 415 for a content coding the server does not accept names the ones it does.
                ResponseHeader = new(HeaderNames.AcceptEncoding, "identity"),
            };
        }
    }

    private static void CheckCharset(HttpRequest request)
    {
        // Most bodies name no charset: no parse for them on this hot path.
        if (request.ContentType?.Contains("charset", StringComparison.OrdinalIgnoreCase) != true
            || !MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) || !contentType.Charset.HasValue)
        {
            // No charset (UTF-8 is assumed) or no usable Content-Type: routing answers the latter with its 415.
            return;
        }

        var charset = HeaderUtilities.RemoveQuotes(contentType.Charset).ToString().Trim();
        if (!IsReadable(charset))
        {
            throw new RejectedRequestException(
                StatusCodes.Status415UnsupportedMediaType, "Content-Type", $"The charset '{charset}' cannot be read; send the body as UTF-8.");
        }

        if (charset.Length != contentType.Charset.Length)
        {
            // RFC 9110 makes charset="utf-8" the same as charset=utf-8, but the JSON reader takes the quotes as part of the name.
            contentType.Charset = charset;
            request.ContentType = contentType.ToString();
        }
    }

    private static bool IsReadable(string charset)
    {
        if (charset.Length == 0)
        {
            return false;
        }

        try
        {
            _ = System.Text.Encoding.GetEncoding(charset);
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            // ArgumentException: not a name .NET knows; NotSupportedException: UTF-7, which .NET disables for safety.
            return false;
        }
    }
}
