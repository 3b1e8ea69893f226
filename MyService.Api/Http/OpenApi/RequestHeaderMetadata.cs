namespace MyService.Api.Http.OpenApi;

/// <summary>
/// Endpoint metadata: an optional request header the handler reads from <see cref="HttpRequest.Headers"/> itself,
/// so the API explorer cannot see it; <see cref="EndpointMetadataTransformer"/> documents it.
/// </summary>
internal sealed record RequestHeaderMetadata(string Name, string Description);
