using System.Text.Json.Serialization;
using Smooth.Orchestrator.Daemon;

namespace Smooth.Orchestrator.Api;

/// <summary>Source-generated JSON for the daemon API and its files.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(StatusReport))]
[JsonSerializable(typeof(DaemonInfo))]
[JsonSerializable(typeof(ApiError))]
[JsonSerializable(typeof(DispatchRequest))]
[JsonSerializable(typeof(RunControlMessage))]
[JsonSerializable(typeof(Smooth.Orchestrator.Runs.RunRecord))]
[JsonSerializable(typeof(IReadOnlyList<Smooth.Orchestrator.Runs.RunRecord>))]
[JsonSerializable(typeof(RunControlReply))]
[JsonSerializable(typeof(Smooth.Audit.Chain.AuditRecord))]
[JsonSerializable(typeof(IReadOnlyList<Smooth.Audit.Chain.AuditRecord>))]
[JsonSerializable(typeof(Smooth.Policy.Access.AccessRequest))]
[JsonSerializable(typeof(IReadOnlyList<Smooth.Policy.Access.AccessRequest>))]
[JsonSerializable(typeof(AccessDecision))]
[JsonSerializable(typeof(IReadOnlyList<Smooth.Orchestrator.Inbox.InboxItem>))]
[JsonSerializable(typeof(NewPearlRequest))]
[JsonSerializable(typeof(CommentRequest))]
public sealed partial class ApiJson : JsonSerializerContext;

/// <summary>The body of every API error.</summary>
/// <param name="Error">What went wrong.</param>
/// <param name="Hint">What to do, when known.</param>
public sealed record ApiError(string Error, string? Hint = null);
