namespace Smooth.Orchestrator.Api;

/// <summary>Body of <c>POST /v1/runs</c>: one pearl, or the ready set.</summary>
/// <param name="Pearl">The pearl to dispatch.</param>
/// <param name="Ready">Dispatch the ready set instead.</param>
/// <param name="Max">With <paramref name="Ready"/>: at most this many.</param>
public sealed record DispatchRequest(string? Pearl = null, bool Ready = false, int? Max = null);
