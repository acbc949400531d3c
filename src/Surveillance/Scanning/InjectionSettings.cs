namespace Smooth.Surveillance.Scanning;

/// <summary>
/// Payloads that read the same in every language, because they are written in the machine's words: a safeguard's
/// setting switched off (<c>'csrf' =&gt; false</c>, <c>proxy.enabled: false</c>, <c>NoNewPrivileges=false</c>),
/// privileges raised (<c>User=root</c>, <c>privileged: true</c>), a release or merge that skips people
/// (<c>npm publish</c>, <c>--admin</c>, a repository made public), and a dump of the environment or a credential
/// header. An injection in a language the vocabulary lacks still names what it wants this way. None is an ask: a
/// unit file with <c>User=root</c> is ordinary; it counts only in a passage that also addresses a reader and asks.
/// </summary>
internal static class InjectionSettings
{
    // Safeguards, by the names their settings use.
    private const string Safeguard =
        @"(?:csrf|xsrf|ssl|tls|verify\w*|verification|security|protection|proxy|firewall|sandbox|network_?polic(?:y|ies)|networkpolicy|nonewprivileges|seccomp|apparmor|selinux" +
        @"|2fa|mfa|two_?factor|otp|gpgsign|signing|signature\w*|hooks?|pre_?commit|audit\w*|auth\w*|review\w*|approv\w*|enforce\w*|protect\w*|lint\w*|credo|checks?|scan\w*|secret_?scanning|rate_?limit\w*|cors|https_?only|encrypt\w*)";

    /// <summary>A safeguard's setting switched off, in the syntaxes of configuration files and code.</summary>
    public const string SwitchedOff =
        @"\b" + Safeguard + @"(?:[\w.\[\]'""-]{0,30}?)\s*(?:=>|==?|:)\s*['""]?(?:false|off|no|0|disabled?|none|skip)\b" +
        // A setter called with false (@setRuntimeSafety(false), setVerifyHostname(false)), and every check skipped by a
        // wildcard (skips = ["*"], ignore: "*", disable = ["all"]).
        @"|\b\w*(?:safety|security|sandbox|verif\w*|validat\w*|protection|checks?|hostname)\w*\s*\(\s*false\s*\)" +
        @"|\b(?:skips?|ignore[sd]?|exclude[sd]?|disabled?|disable_?rules|suppress\w*)\s*[=:]\s*\[?\s*['""](?:\*|all|ALL)['""]";

    /// <summary>Privileges raised: root, a privileged container, password-less sudo, escalation allowed.</summary>
    public const string Privileged =
        @"\buser\s*[:=]\s*['""]?root\b|\brunasuser\s*:\s*0\b|\bprivileged\s*:\s*true\b|\ballowprivilegeescalation\s*:\s*true\b|--privileged\b|\bnopasswd\b|\bcap_add\b|\bsys_admin\b|\bchmod\s+[0-7]?777\b|\bsudoers\b";

    /// <summary>A release or merge that skips the people who approve it, or code made public.</summary>
    public const string Released =
        @"\b(?:npm|pnpm|yarn|cargo|gem|twine|poetry|mix\s+hex|dotnet\s+nuget|docker|helm)\s+(?:publish|push|upload)\b|--admin\b|\bgh\s+(?:pr\s+merge|repo\s+edit)\b|--visibility[\s=]+public\b" +
        @"|\bvisibility\s*[:=]\s*['""]?public\b|\bprivate\s*[:=]\s*false\b|\b(?:repo|repository|repozitori\w*|репозитори\w*)[^\n]{0,20}\bpublic\b|\bpublic\b[^\n]{0,20}\b(?:repo|repository)\b";

    /// <summary>
    /// A package pulled from an address the text chooses: a registry or index flag, R's <c>repos=</c>, a direct URL
    /// to pip or npm, a PEP 508 <c>name @ https://</c> requirement (dependency confusion and typosquats come this way).
    /// </summary>
    public const string Sourced =
        @"--(?:registry|index-url|extra-index-url|trusted-host|source|repo)[=\s]+[""']?https?://|\brepos\s*=\s*(?:c\(\s*)?[""']https?://" +
        @"|\b(?:pip3?|uv\s+pip|pipx|npm|pnpm|yarn|gem|cargo)\s+(?:install|i|add)\s+(?:-\S+\s+)*[""']?https?://|[\w.-]+\s*@\s*https?://\S+?\.(?:whl|tar\.gz|zip|tgz)\b" +
        // A Go module replaced by one on another host.
        @"|\breplace\s+\S+(?:\s+v[\w.+-]+)?\s+=>\s+(?:https?://)?[\w-]+(?:\.[\w-]+)+/";

    /// <summary>The environment or a credential header taken whole: <c>$(env)</c>, <c>printenv</c>, the Authorization header, cookies.</summary>
    public const string Taken =
        @"\$\(\s*(?:env|printenv|set|cat\s+[^)\n]{1,40})\s*\)|\benv\s*>|\bprintenv\b|\bauthorization\b|\bset-cookie\b|\bcookies?\b|\bgit\s+config\s+--get|\b\.git/config\b|\b(?:github|gitlab|npm|pypi|aws|gcp|azure)\s+(?:tokens?|tokenları|токен\w*|tokeny|tokenit|tokenu?)\b";
}
