using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Smooth.Core;
using Smooth.Core.Net;

namespace Smooth.Credentials;

/// <summary>
/// The host stub: HTTP/JSON on a Unix socket (mode 0600). <c>POST /v1/credentials {"url": ...}</c> answers with a
/// <see cref="CredentialResponse"/> or a <see cref="CredentialError"/>; <c>GET /v1/health</c> answers 200.
/// </summary>
public sealed class HostStubServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _socketPath;

    private HostStubServer(WebApplication app, string socketPath)
    {
        _app = app;
        _socketPath = socketPath;
    }

    /// <summary>Starts listening on <paramref name="socketPath"/>; when this returns, requests are served.</summary>
    public static async Task<HostStubServer> StartAsync(string socketPath, CredentialBroker broker, CancellationToken ct)
    {
        var full = Path.GetFullPath(socketPath);
        UnixSocketPath.Prepare(full);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(o => o.ListenUnixSocket(full));
        var app = builder.Build();
        app.MapGet("/v1/health", () => Results.Text("ok\n"));
        app.MapPost("/v1/credentials", async (HttpContext http) =>
        {
            CredentialRequest? request = null;
            try
            {
                request = await JsonSerializer.DeserializeAsync(http.Request.Body, CredentialsJsonContext.Default.CredentialRequest, http.RequestAborted);
            }
            catch (JsonException) { }
            var outcome = request is null || string.IsNullOrWhiteSpace(request.Url)
                ? new BrokerOutcome(400, null, new CredentialError("the request body must be {\"url\": \"https://...\"}", null, "bad-request"))
                : await broker.MintAsync(request.Url, http.RequestAborted);
            http.Response.StatusCode = outcome.Status;
            http.Response.Headers.CacheControl = "no-store";
            if (outcome.Credential is { } credential)
            {
                await http.Response.WriteAsJsonAsync(credential, CredentialsJsonContext.Default.CredentialResponse, contentType: null, http.RequestAborted);
            }
            else
            {
                await http.Response.WriteAsJsonAsync(outcome.Error!, CredentialsJsonContext.Default.CredentialError, contentType: null, http.RequestAborted);
            }
        });
        try
        {
            await app.StartAsync(ct);
        }
        catch (IOException e)
        {
            await app.DisposeAsync();
            throw new SmoothException($"could not listen on '{full}': {e.Message}", "check the path and its permissions", ExitCodes.Environment, e);
        }
        UnixSocketPath.RestrictToOwner(full);
        return new HostStubServer(app, full);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        try { File.Delete(_socketPath); } catch (IOException) { }
    }
}
