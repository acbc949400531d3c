using Smooth.Core;
using Smooth.Core.Events;

namespace Smooth.Surveillance.Rules;

/// <summary>
/// Hot reload: watches the user and project rule files and swaps a freshly loaded <see cref="RuleSet"/> into the
/// engine when one changes. A file that does not load (bad YAML, bad regex) leaves the previous rules in force and
/// raises <c>surveillance.rules_invalid</c>.
/// </summary>
public sealed class RuleFileWatcher : IDisposable
{
    private readonly SurveillanceEngine _engine;
    private readonly string? _userFile;
    private readonly string? _projectFile;
    private readonly IEventSink? _events;
    private readonly TimeSpan _debounce;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Timer _timer;
    private readonly SemaphoreSlim _reloadGate = new(1, 1);
    private int _generation;
    private string? _lastError;

    /// <summary>Starts watching; the directories of the files must exist (the files need not).</summary>
    public RuleFileWatcher(SurveillanceEngine engine, string? userFile, string? projectFile, IEventSink? events = null, TimeSpan? debounce = null)
    {
        _engine = engine;
        _userFile = userFile is null ? null : Path.GetFullPath(userFile);
        _projectFile = projectFile is null ? null : Path.GetFullPath(projectFile);
        _events = events;
        _debounce = debounce ?? TimeSpan.FromMilliseconds(200);
        _timer = new Timer(_ => _ = ReloadQuietlyAsync(), null, Timeout.Infinite, Timeout.Infinite);
        foreach (var file in new[] { _userFile, _projectFile })
        {
            if (file is null || Path.GetDirectoryName(file) is not { } dir || !Directory.Exists(dir)) continue;
            var watcher = new FileSystemWatcher(dir, Path.GetFileName(file))
            {
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            watcher.Changed += (_, _) => Poke();
            watcher.Created += (_, _) => Poke();
            watcher.Deleted += (_, _) => Poke();
            watcher.Renamed += (_, _) => Poke();
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    /// <summary>How many reloads have succeeded.</summary>
    public int Generation => Volatile.Read(ref _generation);

    /// <summary>The error of the last failed reload, or null after a success.</summary>
    public string? LastError => Volatile.Read(ref _lastError);

    /// <summary>Reloads now; throws <see cref="SmoothException"/> when a file is invalid (the engine keeps its rules).</summary>
    public async Task ReloadAsync(CancellationToken ct)
    {
        await _reloadGate.WaitAsync(ct);
        try
        {
            var rules = await RuleSetLoader.LoadAsync(_userFile, _projectFile, ct);
            _engine.ReplaceRules(rules);
            Volatile.Write(ref _lastError, null);
            Interlocked.Increment(ref _generation);
            _events?.Emit(SmoothEvent.Create(SurveillanceEvents.RulesReloaded, SurveillanceEvents.Source, new Dictionary<string, string>
            {
                ["rules"] = rules.Rules.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["files"] = string.Join(",", rules.Files),
            }));
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    private void Poke() => _timer.Change(_debounce, Timeout.InfiniteTimeSpan);

    private async Task ReloadQuietlyAsync()
    {
        try
        {
            await ReloadAsync(CancellationToken.None);
        }
        catch (ObjectDisposedException)
        {
            // The watcher was disposed while a reload was pending: nothing to do.
        }
        catch (Exception e) when (e is SmoothException or IOException or UnauthorizedAccessException)
        {
            Volatile.Write(ref _lastError, e.Message);
            _events?.Emit(SmoothEvent.Create(SurveillanceEvents.RulesInvalid, SurveillanceEvents.Source, new Dictionary<string, string>
            {
                ["error"] = e.Message,
            }));
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var w in _watchers) w.Dispose();
        _timer.Dispose();
        _reloadGate.Dispose();
    }
}
