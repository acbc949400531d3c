namespace Smooth.Orchestrator.Daemon;

/// <summary>What a running daemon says about itself in <c>~/.smooth/daemon.json</c> and in <c>/v1/status</c>.</summary>
/// <param name="Pid">Process id.</param>
/// <param name="Project">Root of the project it serves.</param>
/// <param name="Provider">Sandbox provider id operators run in (bubblewrap, direct).</param>
/// <param name="ApiUrl">Loopback HTTP address of the API.</param>
/// <param name="ArchivistUrl">Loopback HTTP address of the audit SSE stream.</param>
/// <param name="Socket">Unix socket of the API.</param>
/// <param name="StartedAt">Start time (UTC).</param>
public sealed record DaemonInfo(int Pid, string Project, string Provider, string ApiUrl, string ArchivistUrl, string Socket, DateTimeOffset StartedAt);
