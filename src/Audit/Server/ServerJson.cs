using System.Text.Json.Serialization;
using Smooth.Audit.Chain;

namespace Smooth.Audit.Server;

/// <summary>Source-generated JSON for the Archivist's HTTP API.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AppendBatch))]
[JsonSerializable(typeof(AuditRecord))]
[JsonSerializable(typeof(VerifyReport))]
[JsonSerializable(typeof(AppendResult))]
public sealed partial class ServerJson : JsonSerializerContext;

/// <summary>Reply to an append: the sequence number of the last stored record.</summary>
/// <param name="LastSeq">Sequence number of the newest record after the append.</param>
public sealed record AppendResult(long LastSeq);
