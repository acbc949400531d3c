using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Smooth.Audit.Server;

/// <summary>Constant-time check of the <c>Authorization: Bearer</c> header.</summary>
internal static class BearerToken
{
    public static bool IsValid(HttpRequest request, string expected)
    {
        var header = request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.Ordinal)) return false;
        var given = Encoding.UTF8.GetBytes(header[prefix.Length..]);
        return CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(expected));
    }
}
