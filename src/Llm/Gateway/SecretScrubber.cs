namespace Smooth.Llm.Gateway;

/// <summary>Removes known secret values (provider keys) from text before it leaves the gateway.</summary>
public sealed class SecretScrubber
{
    private readonly string[] _secrets;

    /// <summary>Creates a scrubber for <paramref name="secrets"/> (values shorter than 6 characters are ignored).</summary>
    public SecretScrubber(IEnumerable<string?> secrets)
    {
        _secrets = secrets.Where(s => s is { Length: >= 6 }).Select(s => s!).Distinct().OrderByDescending(s => s.Length).ToArray();
    }

    /// <summary><paramref name="text"/> with every secret, and every 8+ character piece of one, replaced by <c>[redacted]</c>.</summary>
    public string Scrub(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, "[redacted]", StringComparison.Ordinal);
            // Providers often echo a key partly ("sk-proj-****abcd"): remove its leading and trailing parts too.
            if (secret.Length >= 16)
            {
                text = text.Replace(secret[..8], "[redacted]", StringComparison.Ordinal).Replace(secret[^8..], "[redacted]", StringComparison.Ordinal);
            }
        }
        return text;
    }
}
