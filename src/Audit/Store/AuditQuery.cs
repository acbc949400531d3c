namespace Smooth.Audit.Store;

/// <summary>A filter over the audit log.</summary>
/// <param name="AfterSeq">Only records with a greater sequence number (for tailing and SSE resume).</param>
/// <param name="TypePrefix">Only types starting with this (e.g. <c>sandbox.</c>).</param>
/// <param name="Source">Only this emitting component.</param>
/// <param name="Limit">At most this many records (the newest when <paramref name="Newest"/>).</param>
/// <param name="Newest">When true, return the newest <paramref name="Limit"/> records (still in ascending order).</param>
public sealed record AuditQuery(long AfterSeq = 0, string? TypePrefix = null, string? Source = null, int Limit = 1000, bool Newest = false);
