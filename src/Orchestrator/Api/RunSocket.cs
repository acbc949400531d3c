using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Smooth.Audit.Store;
using Smooth.Orchestrator.Runs;

namespace Smooth.Orchestrator.Api;

/// <summary>
/// <c>GET /v1/ws?run=ID</c> (WebSocket): streams the run's audit events as they are written (resuming after
/// <c>after=SEQ</c>), and accepts control messages (<see cref="RunControlMessage"/>) on the same socket, answering
/// each with a <see cref="RunControlReply"/>.
/// </summary>
internal static class RunSocket
{
    public static async Task HandleAsync(HttpContext context, AuditStore audit, RunControlHub hub)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("{\"error\":\"this endpoint needs a WebSocket upgrade\"}\n");
            return;
        }
        var run = context.Request.Query["run"].ToString();
        long.TryParse(context.Request.Query["after"].ToString(), out var after);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var send = new SemaphoreSlim(1, 1);

        var pump = Task.Run(async () =>
        {
            while (!cts.IsCancellationRequested)
            {
                var records = await audit.QueryAsync(new AuditQuery(AfterSeq: after, Limit: 500), cts.Token);
                foreach (var r in records)
                {
                    after = r.Seq;
                    if (run.Length > 0 && (!r.Attributes.TryGetValue("run", out var recordRun) || recordRun != run)) continue;
                    await SendAsync(socket, send, JsonSerializer.Serialize(r, ApiJson.Default.AuditRecord), cts.Token);
                }
                if (records.Count == 0) await Task.Delay(100, cts.Token);
            }
        });

        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var message = await ReceiveAsync(socket, buffer, cts.Token);
                if (message is null) break;
                RunControlReply reply;
                try
                {
                    var control = JsonSerializer.Deserialize(message, ApiJson.Default.RunControlMessage);
                    reply = control is null
                        ? new RunControlReply(false, run, "empty message")
                        : await hub.SendAsync(control with { Run = string.IsNullOrEmpty(control.Run) ? run : control.Run }, cts.Token);
                }
                catch (JsonException e)
                {
                    reply = new RunControlReply(false, run, $"not a control message: {e.Message}");
                }
                await SendAsync(socket, send, JsonSerializer.Serialize(reply, ApiJson.Default.RunControlReply), cts.Token);
            }
        }
        catch (OperationCanceledException) { }
        catch (WebSocketException) { }
        finally
        {
            await cts.CancelAsync();
            try { await pump; } catch (OperationCanceledException) { } catch (WebSocketException) { }
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
            }
        }
    }

    private static async Task SendAsync(WebSocket socket, SemaphoreSlim gate, string json, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<string?> ReceiveAsync(WebSocket socket, byte[] buffer, CancellationToken ct)
    {
        using var ms = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, ct);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            ms.Write(buffer, 0, result.Count);
            if (ms.Length > buffer.Length) throw new WebSocketException("control message too large");
            if (result.EndOfMessage) return Encoding.UTF8.GetString(ms.ToArray());
        }
    }
}
