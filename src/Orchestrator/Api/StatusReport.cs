namespace Smooth.Orchestrator.Api;

/// <summary>The daemon's health, as <c>GET /v1/status</c> and <c>th status --json</c> return it.</summary>
/// <param name="State">running.</param>
/// <param name="Daemon">What the daemon says about itself.</param>
/// <param name="UptimeSeconds">Seconds since start.</param>
/// <param name="Parts">Health of each part the daemon runs.</param>
public sealed record StatusReport(string State, Daemon.DaemonInfo Daemon, long UptimeSeconds, IReadOnlyList<PartStatus> Parts);

/// <summary>Health of one part.</summary>
/// <param name="Name">The part (api, audit, ...), with its crew name in <paramref name="Crew"/>.</param>
/// <param name="Crew">The crew nickname shown to people (Big Smooth, Archivist, ...).</param>
/// <param name="State">ok, degraded or down.</param>
/// <param name="Detail">What was checked and what was found.</param>
public sealed record PartStatus(string Name, string Crew, string State, string Detail);
