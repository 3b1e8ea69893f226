// The machine's ceiling for bench/api.sh: the host the API uses (WebApplication.CreateBuilder, Kestrel) with one
// minimal-API route returning a constant and nothing else, so requests/s here is what this machine and wrk allow.
// With --otlp-sink it is also the benchmark's OTLP/HTTP endpoint: every POST /v1/{signal} is read and answered 200,
// which is all an exporter needs (nothing is decoded or kept).
var otlpSink = args.Contains("--otlp-sink");
var builder = WebApplication.CreateBuilder(args.Where(a => a != "--otlp-sink").ToArray());
var app = builder.Build();
app.MapGet("/", () => "ceiling");
if (otlpSink)
{
    app.MapPost("/v1/{signal}", async (HttpRequest request) =>
    {
        await request.Body.CopyToAsync(Stream.Null);
        return Results.Ok();
    });
}

await app.RunAsync();
