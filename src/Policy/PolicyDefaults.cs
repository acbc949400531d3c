namespace Smooth.Policy;

/// <summary>The built-in layer every policy starts from: nothing on the network, the places an agent must not write or read.</summary>
public static class PolicyDefaults
{
    /// <summary>The default rules.</summary>
    public static IReadOnlyList<PolicyRule> Rules { get; } =
    [
        .. new[]
        {
            "**/.git/hooks/**", "**/.git/config", ".github/workflows/**", ".gitlab-ci.yml", ".circleci/**", "Jenkinsfile",
            "**/.bashrc", "**/.bash_profile", "**/.profile", "**/.zshrc", ".smooth/**",
        }.Select(g => new PolicyRule("files.protected", g, "default")),
        .. new[] { "**/.env", "**/.env.*", "**/*.pem", "**/id_rsa*", "**/id_ed25519*", "**/.netrc" }.Select(g => new PolicyRule("files.read_deny", g, "default")),
    ];
}
