using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Smooth.Core;
using Smooth.Core.Net;

namespace Smooth.Credentials;

/// <summary>
/// The host stub: HTTP/JSON on a Unix socket (mode 0600). <c>POST /v1/credentials {"url": ...}</c> answers with a
/// <see cref="CredentialResponse"/> or a <see cref="CredentialError"/>; <c>GET /v1/health</c> answers 200.
/// </summary>
public sealed class HostStubServer : IAsyncDisposable
{
    private readonly UnixSocketServer _server;

    private HostStubServer(UnixSocketServer server) => _server = server;

    /// <summary>Starts listening on <paramref name="socketPath"/>; when this returns, requests are served.</summary>
    public static async Task<HostStubServer> StartAsync(string socketPath, CredentialBroker broker, CancellationToken ct)
    {
        return new HostStubServer(await UnixSocketServer.StartAsync(socketPath, app => Map(app, broker), ct));
    }

    private static void Map(WebApplication app, CredentialBroker broker)
    {
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
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
