using System.Diagnostics;

namespace Smooth.Core.Tracing;

/// <summary>
/// W3C trace context across every hop (CLI → API → scheduler → sandbox → operator → gateway, policy, egress):
/// one <see cref="ActivitySource"/> for all components, the <c>traceparent</c> header on HTTP, and the
/// <c>TRACEPARENT</c> environment variable for child processes and sandboxes.
/// </summary>
public static class TraceContext
{
    /// <summary>The environment variable carrying the parent's traceparent into a child process.</summary>
    public const string EnvironmentVariable = "TRACEPARENT";

    /// <summary>The HTTP header name.</summary>
    public const string Header = "traceparent";

    /// <summary>The activity source every component starts its spans from.</summary>
    public static readonly ActivitySource Source = new("Smooth");

    static TraceContext()
    {
        Activity.DefaultIdFormat = ActivityIdFormat.W3C;
        Activity.ForceDefaultIdFormat = true;
        // Always create activities (sampling is the exporter's business), so ids exist even with no listener attached.
        ActivitySource.AddActivityListener(new ActivityListener
        {
            ShouldListenTo = s => s.Name == "Smooth",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        });
    }

    /// <summary>
    /// Starts a span named <paramref name="name"/>, as a child of the ambient activity, or of <paramref name="parent"/>
    /// (a traceparent string) when given, or of <c>$TRACEPARENT</c> when this is the first span of a process.
    /// </summary>
    public static Activity Start(string name, string? parent = null, ActivityKind kind = ActivityKind.Internal)
    {
        parent ??= Activity.Current is null ? Environment.GetEnvironmentVariable(EnvironmentVariable) : null;
        if (parent is not null && ActivityContext.TryParse(parent, null, out var context))
        {
            return Source.StartActivity(name, kind, context)!;
        }
        return Source.StartActivity(name, kind)!;
    }

    /// <summary>True when <paramref name="value"/> is a well-formed W3C traceparent.</summary>
    public static bool IsValid(string? value) => value is not null && ActivityContext.TryParse(value, null, out _);

    /// <summary>The current traceparent, or null outside any span.</summary>
    public static string? Current => Activity.Current?.Id;
}
