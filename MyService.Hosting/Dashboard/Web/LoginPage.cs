using System.Net;

namespace MyService.Hosting.Dashboard.Web;

internal static class LoginPage
{
    public static string Html(string? error) => $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>MyService dashboard · log in</title>
        <link rel="stylesheet" href="/assets/login.css"></head>
        <body><main class="login">
        <h1>MyService dashboard</h1>
        <p>Open the login URL the AppHost printed when it started, or paste its token here.</p>
        {{(error is null ? "" : $"<p class=\"error\" role=\"alert\">{WebUtility.HtmlEncode(error)}</p>")}}
        <form method="get" action="/login"><label>Token <input name="t" autocomplete="off" autofocus></label>
        <button type="submit">Log in</button></form>
        </main></body></html>
        """;
}
