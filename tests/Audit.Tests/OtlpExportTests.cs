using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Smooth.Audit.Scribe;
using Smooth.Audit.Store;
using Smooth.Audit.Telemetry;
using Smooth.Core.Events;
using Smooth.Core.Tracing;
using Smooth.TestSupport;

namespace Smooth.Audit.Tests;

public sealed class OtlpExportTests
{
    [Fact]
    public async Task Exports_audit_events_as_logs_and_spans_as_traces_to_a_real_otlp_http_receiver()
    {
        var received = new ConcurrentBag<(string Path, byte[] Body)>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var receiver = builder.Build();
        receiver.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var ms = new MemoryStream();
            await context.Request.Body.CopyToAsync(ms);
            received.Add((context.Request.Path, ms.ToArray()));
            return Results.Ok();
        });
        await receiver.StartAsync();
        var endpoint = receiver.Urls.First();

        using var dir = new TempDir();
        await using var store = await AuditStore.OpenAsync(dir.Combine(".smooth"), default);
        var export = OtlpExport.TryStart(endpoint + "/", "smooth-test")!;
        await using (var scribe = new ScribeSink(export.Wrap(new StoreForwarder(store))))
        {
            using (TraceContext.Start("otlp-test-span"))
            {
                scribe.Emit(SmoothEvent.Create("test.otlp.marker", "test", new Dictionary<string, string> { ["run"] = "r-42" }));
            }
            await scribe.FlushAsync(default);
        }
        await export.DisposeAsync();

        Assert.Single(await store.QueryAsync(new AuditQuery(), default));
        var logs = received.Where(r => r.Path == "/v1/logs").Select(r => Encoding.UTF8.GetString(r.Body)).ToList();
        var traces = received.Where(r => r.Path == "/v1/traces").Select(r => Encoding.UTF8.GetString(r.Body)).ToList();
        Assert.Contains(logs, b => b.Contains("test.otlp.marker") && b.Contains("r-42"));
        Assert.Contains(traces, b => b.Contains("otlp-test-span"));
    }

    [Fact]
    public void Not_configured_means_off_and_a_bad_endpoint_is_a_clear_error()
    {
        Assert.Null(OtlpExport.TryStart(null));
        Assert.Null(OtlpExport.TryStart(""));
        var e = Assert.Throws<Core.SmoothException>(() => OtlpExport.TryStart("collector:4318"));
        Assert.Contains("OTEL_EXPORTER_OTLP_ENDPOINT", e.Message);
    }
}
