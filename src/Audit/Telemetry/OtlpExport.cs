using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Smooth.Audit.Scribe;
using Smooth.Core.Events;
using Smooth.Core.Tracing;

namespace Smooth.Audit.Telemetry;

/// <summary>
/// Optional OpenTelemetry export, on when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set: Smooth's spans go out as OTLP
/// traces and every audit event as an OTLP log record (with its trace context), next to the durable local log.
/// </summary>
public sealed class OtlpExport : IAsyncDisposable
{
    private readonly TracerProvider _tracer;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _events;

    private OtlpExport(TracerProvider tracer, ILoggerFactory loggers)
    {
        _tracer = tracer;
        _loggers = loggers;
        _events = loggers.CreateLogger("Smooth.Audit");
    }

    /// <summary>Starts exporting to <paramref name="endpoint"/> (OTLP over HTTP/protobuf), or returns null when not configured.</summary>
    public static OtlpExport? TryStart(string? endpoint, string serviceName = "smooth")
    {
        if (string.IsNullOrWhiteSpace(endpoint)) return null;
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            throw new Core.SmoothException($"OTEL_EXPORTER_OTLP_ENDPOINT is not an http(s) URL: '{endpoint}'",
                "set it to the collector's OTLP/HTTP address, e.g. http://127.0.0.1:4318, or unset it", Core.ExitCodes.BadInput);
        }
        var resource = ResourceBuilder.CreateDefault().AddService(serviceName);
        void Configure(OtlpExporterOptions o, string path)
        {
            o.Endpoint = new Uri(baseUri, path);
            o.Protocol = OtlpExportProtocol.HttpProtobuf;
        }
        var tracer = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(TraceContext.Source.Name)
            .AddOtlpExporter(o => Configure(o, "v1/traces"))
            .Build();
        var loggers = LoggerFactory.Create(b => b.AddOpenTelemetry(o =>
        {
            o.SetResourceBuilder(resource);
            o.IncludeFormattedMessage = true;
            o.AddOtlpExporter(e => Configure(e, "v1/logs"));
        }));
        return new OtlpExport(tracer, loggers);
    }

    /// <summary>Wraps <paramref name="inner"/> so every forwarded batch is also exported.</summary>
    public IAuditForwarder Wrap(IAuditForwarder inner) => new ExportingForwarder(inner, this);

    /// <summary>Exports one event as a log record carrying its attributes.</summary>
    public void Export(SmoothEvent e)
    {
        var state = new List<KeyValuePair<string, object?>>(e.Attributes.Count + 3)
        {
            new("smooth.event.type", e.Type),
            new("smooth.event.source", e.Source),
        };
        if (e.TraceParent is not null) state.Add(new("traceparent", e.TraceParent));
        foreach (var (k, v) in e.Attributes) state.Add(new($"smooth.{k}", v));
        _events.Log(LogLevel.Information, default, state, null, (_, _) => e.Type);
    }

    /// <summary>Flushes and stops both exporters.</summary>
    public ValueTask DisposeAsync()
    {
        _tracer.Dispose();
        _loggers.Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed class ExportingForwarder(IAuditForwarder inner, OtlpExport export) : IAuditForwarder
    {
        public async Task ForwardAsync(IReadOnlyList<SmoothEvent> batch, CancellationToken ct)
        {
            await inner.ForwardAsync(batch, ct);
            foreach (var e in batch) export.Export(e);
        }
    }
}
