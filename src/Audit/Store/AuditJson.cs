using System.Text.Json.Serialization;
using Smooth.Audit.Chain;

namespace Smooth.Audit.Store;

/// <summary>Source-generated JSON for audit records and reports (storage of attributes, CLI <c>--json</c>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
[JsonSerializable(typeof(SortedDictionary<string, string>))]
[JsonSerializable(typeof(AuditRecord))]
[JsonSerializable(typeof(IReadOnlyList<AuditRecord>))]
[JsonSerializable(typeof(VerifyReport))]
[JsonSerializable(typeof(ChainHead))]
public sealed partial class AuditJson : JsonSerializerContext;
