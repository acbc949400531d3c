using Smooth.Core;
using Smooth.Core.IO;

namespace Smooth.Policy;

/// <summary>
/// The policy of one project, from its layers: built-in defaults → organisation overlay (deny only) → user
/// (<c>~/.smooth/policy.yaml</c>) → project (<c>.smooth/policy.yaml</c>) → the run's own rules. Hot reload: every
/// question first checks (at most every 250 ms) whether a file changed; a change is read once the file has been quiet
/// for <see cref="Settle"/> (<see cref="EmptiedSettle"/> when it was emptied or removed), so a half-written file is
/// never taken for the new policy. A changed file that does not load is reported through <see cref="Rejected"/> and
/// the last good policy stays in force.
/// </summary>
public sealed class PolicyLayers
{
    private readonly (string Layer, string Path, bool DenyOnly)[] _files;
    private readonly object _gate = new();
    private readonly SettledFiles _settle;
    private PolicySet _current;
    private long _nextCheck;

    private PolicyLayers((string, string, bool)[] files, PolicySet current, SettledFiles settle)
    {
        _files = files;
        _current = current;
        _settle = settle;
    }

    /// <summary>How long a changed policy file must stay unchanged before it is read.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);

    /// <summary>How long a policy file that had content must stay empty or absent before that counts.</summary>
    public static readonly TimeSpan EmptiedSettle = TimeSpan.FromSeconds(2);

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
            var settle = new SettledFiles(files.Select(f => f.Item2), Settle, EmptiedSettle);
            return new PolicyLayers(files, Build(files), settle);
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

    /// <summary>Checks the files now and reloads when one changed and has settled (a later check takes it otherwise).</summary>
    public void ReloadIfChanged()
    {
        lock (_gate)
        {
            var stamps = _settle.Take();
            if (!_settle.Changed(stamps) || _settle.WaitBeforeReading(stamps) > TimeSpan.Zero) return;
            PolicySet set;
            try
            {
                set = Build(_files);
            }
            catch (PolicyFileError e)
            {
                if (!_settle.Unchanged(stamps)) return; // written while read: judge the next version
                _settle.Accept(stamps); // report a bad version once, keep the last good policy
                LastRejection = e.Message;
                Rejected?.Invoke(e.Message);
                return;
            }
            if (!_settle.Unchanged(stamps)) return;
            _current = set;
            _settle.Accept(stamps);
            LastRejection = null;
            Reloaded?.Invoke(string.Join(", ", stamps.Where(s => s.Exists).Select(s => s.Path)));
        }
    }

    /// <summary>
    /// The effective policy for one run: this project's layers plus <paramref name="runAllowHosts"/>. Built fresh on each
    /// call; callers asking repeatedly (the egress gate) use a <see cref="RunPolicy"/>, which rebuilds only on reload.
    /// </summary>
    public PolicySet ForRun(IReadOnlyList<string> runAllowHosts) => runAllowHosts.Count == 0 ? Current : Extend(Current, runAllowHosts);

    internal static PolicySet Extend(PolicySet set, IReadOnlyList<string> runAllowHosts) =>
        new([.. set.Rules, .. runAllowHosts.Select(h => new PolicyRule("network.allow", h, "run --allow-host"))]);

    private static PolicySet Build((string Layer, string Path, bool DenyOnly)[] files)
    {
        var rules = new List<PolicyRule>(PolicyDefaults.Rules);
        foreach (var (layer, path, denyOnly) in files)
        {
            if (!File.Exists(path)) continue;
            rules.AddRange(PolicyDocument.Parse(File.ReadAllText(path), layer, path, denyOnly));
        }
        return new PolicySet(rules);
    }
}
