using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Smooth.Orchestrator.Api;

/// <summary>
/// Every API request must carry the daemon's bearer token. On TCP the Host header must name the loopback listener
/// (defeats DNS rebinding), and a browser Origin other than the daemon's own is refused (a web page cannot drive it).
/// </summary>
internal sealed class ApiGuard(string token, Func<int> apiPort)
{
    private readonly byte[] _token = Encoding.UTF8.GetBytes(token);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var refusal = Check(context);
        if (refusal is not null)
        {
            context.Response.StatusCode = refusal.Value.Status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($"{{\"error\":\"{refusal.Value.Message}\"}}\n", context.RequestAborted);
            return;
        }
        await next(context);
    }

    private (int Status, string Message)? Check(HttpContext context)
    {
        var overTcp = context.Connection.LocalPort != 0;
        if (overTcp)
        {
            var host = context.Request.Host;
            var port = apiPort();
            var hostOk = host.Port == port && host.Host is "127.0.0.1" or "localhost" or "[::1]";
            if (!hostOk) return (StatusCodes.Status421MisdirectedRequest, "the Host header must be 127.0.0.1 or localhost with the API port");
        }
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && !IsOwnOrigin(origin, apiPort()))
        {
            return (StatusCodes.Status403Forbidden, "cross-origin requests are refused");
        }
        var header = context.Request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.Ordinal)
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[prefix.Length..]), _token))
        {
            return (StatusCodes.Status401Unauthorized, "missing or wrong bearer token (see ~/.smooth/daemon.token)");
        }
        return null;
    }

    private static bool IsOwnOrigin(string origin, int port) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme == "http" && uri.Port == port
        && uri.Host is "127.0.0.1" or "localhost" or "[::1]";
}
