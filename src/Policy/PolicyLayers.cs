using Smooth.Core;

namespace Smooth.Policy;

/// <summary>
/// The policy of one project, from its layers: built-in defaults → organisation overlay (deny only) → user
/// (<c>~/.smooth/policy.yaml</c>) → project (<c>.smooth/policy.yaml</c>) → the run's own rules. Hot reload: every
/// question first checks (at most every 250 ms) whether a file changed; a changed file that does not load is reported
/// through <see cref="Rejected"/> and the last good policy stays in force.
/// </summary>
public sealed class PolicyLayers
{
    private readonly (string Layer, string Path, bool DenyOnly)[] _files;
    private readonly object _gate = new();
    private Dictionary<string, (DateTime Stamp, long Length)> _seen = [];
    private PolicySet _current;
    private long _nextCheck;

    private PolicyLayers((string, string, bool)[] files, PolicySet current, Dictionary<string, (DateTime, long)> seen)
    {
        _files = files;
        _current = current;
        _seen = seen;
    }

    /// <summary>Called with the file and error when a changed policy file is refused (the old policy stays).</summary>
    public event Action<string>? Rejected;

    /// <summary>Called when a changed file was loaded.</summary>
    public event Action<string>? Reloaded;

    /// <summary>The error of the last refused reload, until a good version loads; null when the files in force are current.</summary>
    public string? LastRejection { get; private set; }

    /// <summary>The user's policy file.</summary>
    public static string UserFile() => Path.Combine(ProjectLocator.UserStateDir(), "policy.yaml");

    /// <summary>The organisation overlay: <c>SMOOTH_ORG_POLICY</c>, else <c>/etc/smooth/org-policy.yaml</c>.</summary>
    public static string OrgFile() => Environment.GetEnvironmentVariable("SMOOTH_ORG_POLICY") is { Length: > 0 } p ? p : "/etc/smooth/org-policy.yaml";

    /// <summary>The project's policy file.</summary>
    public static string ProjectFile(string projectRoot) => Path.Combine(ProjectLocator.StateDir(projectRoot), "policy.yaml");

    /// <summary>Loads the layers of <paramref name="projectRoot"/>; a bad file is a <see cref="SmoothException"/> naming file and line.</summary>
    public static PolicyLayers Load(string projectRoot)
    {
        (string, string, bool)[] files = [("org", OrgFile(), true), ("user", UserFile(), false), ("project", ProjectFile(projectRoot), false)];
        try
        {
            var (set, seen) = Build(files);
            return new PolicyLayers(files, set, seen);
        }
        catch (PolicyFileError e)
        {
            throw new SmoothException($"the policy cannot be loaded: {e.Message}", "fix the line named (see docs/policy.md for the format)", ExitCodes.BadInput, e);
        }
    }

    /// <summary>The policy in force now (reloaded first when a file changed).</summary>
    public PolicySet Current
    {
        get
        {
            var now = Environment.TickCount64;
            if (now >= Interlocked.Read(ref _nextCheck))
            {
                Interlocked.Exchange(ref _nextCheck, now + 250);
                ReloadIfChanged();
            }
            return _current;
        }
    }

    /// <summary>Checks the files now and reloads when one changed.</summary>
    public void ReloadIfChanged()
    {
        lock (_gate)
        {
            var stamps = Stamps(_files);
            if (stamps.Count == _seen.Count && stamps.All(s => _seen.TryGetValue(s.Key, out var v) && v == s.Value)) return;
            try
            {
                var (set, seen) = Build(_files);
                _current = set;
                _seen = seen;
                LastRejection = null;
                Reloaded?.Invoke(string.Join(", ", stamps.Keys));
            }
            catch (PolicyFileError e)
            {
                _seen = stamps; // report a bad version once, keep the last good policy
                LastRejection = e.Message;
                Rejected?.Invoke(e.Message);
            }
        }
    }

    /// <summary>
    /// The effective policy for one run: this project's layers plus <paramref name="runAllowHosts"/>. Built fresh on each
    /// call; callers asking repeatedly (the egress gate) use a <see cref="RunPolicy"/>, which rebuilds only on reload.
    /// </summary>
    public PolicySet ForRun(IReadOnlyList<string> runAllowHosts) => runAllowHosts.Count == 0 ? Current : Extend(Current, runAllowHosts);

    internal static PolicySet Extend(PolicySet set, IReadOnlyList<string> runAllowHosts) =>
        new([.. set.Rules, .. runAllowHosts.Select(h => new PolicyRule("network.allow", h, "run --allow-host"))]);

    private static (PolicySet, Dictionary<string, (DateTime, long)>) Build((string Layer, string Path, bool DenyOnly)[] files)
    {
        var rules = new List<PolicyRule>(PolicyDefaults.Rules);
        var stamps = Stamps(files);
        foreach (var (layer, path, denyOnly) in files)
        {
            if (!File.Exists(path)) continue;
            rules.AddRange(PolicyDocument.Parse(File.ReadAllText(path), layer, path, denyOnly));
        }
        return (new PolicySet(rules), stamps);
    }

    private static Dictionary<string, (DateTime, long)> Stamps((string Layer, string Path, bool DenyOnly)[] files)
    {
        var d = new Dictionary<string, (DateTime, long)>(StringComparer.Ordinal);
        foreach (var (_, path, _) in files)
        {
            var info = new FileInfo(path);
            if (info.Exists) d[path] = (info.LastWriteTimeUtc, info.Length);
        }
        return d;
    }
}
