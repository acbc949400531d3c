namespace Smooth.Llm.Routing;

/// <summary>A route that gave up (after its retries), reported so the caller can log or emit an event.</summary>
/// <param name="Route">The route, <c>provider/model</c>.</param>
/// <param name="Error">What went wrong (never holds a key).</param>
/// <param name="NextRoute">The fallback tried next, or null when none is left.</param>
public sealed record RouteFailure(string Route, string Error, string? NextRoute);
