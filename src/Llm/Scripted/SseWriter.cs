using System.Text;
using Microsoft.AspNetCore.Http;

namespace Smooth.Llm.Scripted;

/// <summary>Writes server-sent events, honouring the cut-stream and malformed-JSON faults.</summary>
internal sealed class SseWriter(HttpContext http, ScriptFault? fault)
{
    private int _sent;
    private bool _malformedSent;

    public bool Cut { get; private set; }

    public async Task StartAsync()
    {
        http.Response.StatusCode = 200;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        await http.Response.StartAsync(http.RequestAborted);
    }

    public async Task SendAsync(string? eventName, string data)
    {
        if (Cut) return;
        if (fault?.CutStreamAfter is { } limit && _sent >= limit)
        {
            Cut = true;
            await http.Response.Body.FlushAsync(http.RequestAborted);
            http.Abort();
            return;
        }
        if (fault?.MalformedJson == true && !_malformedSent && _sent == 1)
        {
            _malformedSent = true;
            data = "{\"broken\": [1, 2" ;
        }
        var text = eventName is null ? $"data: {data}\n\n" : $"event: {eventName}\ndata: {data}\n\n";
        await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
        _sent++;
    }
}
