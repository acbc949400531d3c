using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Smooth.Core;
using Smooth.Core.Net;

namespace Smooth.Policy.Api;

/// <summary>
/// Wonk's decision API: HTTP/JSON on a Unix socket (mode 0600, never mounted into a sandbox).
/// <c>POST /v1/decisions</c> answers a <see cref="DecisionRequest"/> with a <see cref="DecisionResponse"/> (400 with a
/// <see cref="DecisionError"/> when it cannot); <c>GET /v1/policy</c> lists the effective rules with their sources;
/// <c>GET /v1/health</c> answers 200. It only answers questions: nothing here grants or changes anything.
/// </summary>
public sealed class DecisionServer : IAsyncDisposable
{
    private readonly UnixSocketServer _server;

    private DecisionServer(UnixSocketServer server) => _server = server;

    /// <summary>Where it listens.</summary>
    public string SocketPath => _server.SocketPath;

    /// <summary>Starts listening on <paramref name="socketPath"/>; when this returns, questions are answered.</summary>
    public static async Task<DecisionServer> StartAsync(string socketPath, DecisionService service, CancellationToken ct)
    {
        return new DecisionServer(await UnixSocketServer.StartAsync(socketPath, app => Map(app, service), ct));
    }

    private static void Map(WebApplication app, DecisionService service)
    {
        app.MapGet("/v1/health", () => Results.Text("ok\n"));
        app.MapGet("/v1/policy", () => Results.Json(service.Current.Rules, PolicyApiJson.Default.IReadOnlyListPolicyRule));
        app.MapPost("/v1/decisions", async (HttpContext http) =>
        {
            DecisionRequest? request;
            try
            {
                request = await JsonSerializer.DeserializeAsync(http.Request.Body, PolicyApiJson.Default.DecisionRequest, http.RequestAborted);
            }
            catch (JsonException e)
            {
                return Results.Json(new DecisionError($"the body is not valid JSON: {e.Message}", "send {\"kind\": \"network\", \"host\": \"pypi.org\", \"port\": 443}"),
                    PolicyApiJson.Default.DecisionError, statusCode: StatusCodes.Status400BadRequest);
            }
            try
            {
                var answer = await service.DecideAsync(request ?? new DecisionRequest(), http.RequestAborted);
                return Results.Json(answer, PolicyApiJson.Default.DecisionResponse);
            }
            catch (DecisionRequestException e)
            {
                return Results.Json(new DecisionError(e.Message, e.Hint), PolicyApiJson.Default.DecisionError, statusCode: StatusCodes.Status400BadRequest);
            }
        });
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
