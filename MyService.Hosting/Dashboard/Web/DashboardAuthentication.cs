using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace MyService.Hosting.Dashboard.Web;

/// <summary>
/// The login token (DESIGN §7): <c>/login?t=TOKEN</c> sets an HttpOnly, SameSite=Strict cookie; without it pages
/// redirect to the login page and the API answers 401. Commands also need a custom header, which a cross-site form
/// cannot send.
/// </summary>
internal sealed class DashboardAuthentication(string token)
{
    public const string CookieName = "myservice-dashboard";
    public const string CommandHeader = "X-Dashboard-Request";

    private readonly byte[] _token = Encoding.UTF8.GetBytes(token);

    public string Token { get; } = token;

    public bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _token);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/login") || path.StartsWithSegments("/assets/login.css"))
        {
            await next(context);
            return;
        }

        if (!Matches(context.Request.Cookies[CookieName]))
        {
            if (path.StartsWithSegments("/api"))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await context.Response.WriteAsync("Log in first: open the URL the AppHost printed (/login?t=...).");
                return;
            }

            context.Response.Redirect("/login");
            return;
        }

        if (HttpMethods.IsPost(context.Request.Method) && !context.Request.Headers.ContainsKey(CommandHeader))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync($"Commands need the {CommandHeader} header.");
            return;
        }

        await next(context);
    }

    public IResult Login(HttpContext context, string? t)
    {
        if (t is null)
        {
            return Results.Content(LoginPage.Html(error: null), "text/html; charset=utf-8");
        }

        if (!Matches(t))
        {
            return Results.Content(LoginPage.Html("That token is not this AppHost's. Use the login URL it printed at start."), "text/html; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized);
        }

        context.Response.Cookies.Append(CookieName, Token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/", IsEssential = true });
        return Results.Redirect("/");
    }
}
