using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
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
    private readonly WebApplication _app;

    private DecisionServer(WebApplication app, string socketPath)
    {
        _app = app;
        SocketPath = socketPath;
    }

    /// <summary>Where it listens.</summary>
    public string SocketPath { get; }

    /// <summary>Starts listening on <paramref name="socketPath"/>; when this returns, questions are answered.</summary>
    public static async Task<DecisionServer> StartAsync(string socketPath, DecisionService service, CancellationToken ct)
    {
        var full = Path.GetFullPath(socketPath);
        UnixSocketPath.Prepare(full);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(o => o.ListenUnixSocket(full));
        var app = builder.Build();
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
        return new DecisionServer(app, full);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        try { File.Delete(SocketPath); } catch (IOException) { }
    }
}
