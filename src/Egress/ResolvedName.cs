using System.Net;

namespace Smooth.Egress;

/// <summary>
/// One successful answer held by <see cref="HostResolutionCache"/>: the addresses a name resolved to and when the answer
/// stops being used (a <see cref="TimeProvider"/> timestamp counted from when the lookup was <em>started</em>, so an answer
/// is never used for longer than the time to live after the question was asked).
/// </summary>
/// <param name="Name">The normalised name (lower case, no trailing dot): the cache's key.</param>
/// <param name="Addresses">The addresses as the resolver returned them, copied; never empty.</param>
/// <param name="ExpiresAt">The timestamp from which the answer is stale.</param>
internal sealed record ResolvedName(string Name, IPAddress[] Addresses, long ExpiresAt);
