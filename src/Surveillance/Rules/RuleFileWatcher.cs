using Smooth.Core;
using Smooth.Core.Events;
using Smooth.Core.IO;

namespace Smooth.Surveillance.Rules;

/// <summary>
/// Hot reload: watches the user and project rule files and swaps a freshly loaded <see cref="RuleSet"/> into the
/// engine when one changes. A change is read only after the files stayed unchanged for the debounce window (two
/// seconds when a file was emptied or removed) and not while they are written, so a half-written file never replaces
/// the rules. A file that does not load (bad YAML, bad regex) leaves the previous rules in force and raises
/// <c>surveillance.rules_invalid</c>.
/// </summary>
public sealed class RuleFileWatcher : IDisposable
{
    private readonly SurveillanceEngine _engine;
    private readonly string? _userFile;
    private readonly string? _projectFile;
    private readonly IEventSink? _events;
    private readonly TimeSpan _debounce;
    private readonly SettledFiles _settle;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Timer _timer;
    private readonly SemaphoreSlim _reloadGate = new(1, 1);
    private int _generation;
    private string? _lastError;

    /// <summary>How long a rule file that had content must stay empty or absent before that counts, by default.</summary>
    public static readonly TimeSpan EmptiedSettle = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Starts watching; the directories of the files must exist (the files need not). A change is read once the files
    /// were quiet for <paramref name="debounce"/> (200 ms), or <paramref name="emptiedSettle"/> for a file emptied or removed.
    /// </summary>
    public RuleFileWatcher(SurveillanceEngine engine, string? userFile, string? projectFile, IEventSink? events = null, TimeSpan? debounce = null,
        TimeSpan? emptiedSettle = null)
    {
        _engine = engine;
        _userFile = userFile is null ? null : Path.GetFullPath(userFile);
        _projectFile = projectFile is null ? null : Path.GetFullPath(projectFile);
        _events = events;
        _debounce = debounce ?? TimeSpan.FromMilliseconds(200);
        _settle = new SettledFiles(new[] { _userFile, _projectFile }.OfType<string>(), _debounce, emptiedSettle ?? EmptiedSettle);
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

    /// <summary>
    /// Reloads now, settled or not; throws <see cref="SmoothException"/> when a file is invalid (the engine keeps its
    /// rules).
    /// </summary>
    public async Task ReloadAsync(CancellationToken ct)
    {
        await _reloadGate.WaitAsync(ct);
        try
        {
            var stamps = _settle.Take();
            Apply(await LoadAsync(stamps, ct), stamps);
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    private async Task<RuleSet> LoadAsync(FileStamp[] stamps, CancellationToken ct)
    {
        try
        {
            return await RuleSetLoader.LoadAsync(_userFile, _projectFile, ct);
        }
        catch (SmoothException)
        {
            _settle.Accept(stamps); // report a bad version once
            throw;
        }
    }

    private void Apply(RuleSet rules, FileStamp[] stamps)
    {
        _engine.ReplaceRules(rules);
        _settle.Accept(stamps);
        Volatile.Write(ref _lastError, null);
        Interlocked.Increment(ref _generation);
        _events?.Emit(SmoothEvent.Create(SurveillanceEvents.RulesReloaded, SurveillanceEvents.Source, new Dictionary<string, string>
        {
            ["rules"] = rules.Rules.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["files"] = string.Join(",", rules.Files),
        }));
    }

    private void Poke() => Poke(_debounce);

    private void Poke(TimeSpan delay) => _timer.Change(delay, Timeout.InfiniteTimeSpan);

    // The timer's reload: only a changed version that has settled, and only if nothing wrote while it was read.
    private async Task ReloadQuietlyAsync()
    {
        try
        {
            await _reloadGate.WaitAsync();
            try
            {
                var stamps = _settle.Take();
                if (!_settle.Changed(stamps)) return;
                if (_settle.WaitBeforeReading(stamps) is { } wait && wait > TimeSpan.Zero)
                {
                    Poke(wait);
                    return;
                }
                RuleSet rules;
                try
                {
                    rules = await LoadAsync(stamps, CancellationToken.None);
                }
                catch (SmoothException) when (!_settle.Unchanged(stamps))
                {
                    Poke(); // it was being written: judge the next version
                    return;
                }
                if (!_settle.Unchanged(stamps))
                {
                    Poke();
                    return;
                }
                Apply(rules, stamps);
            }
            finally
            {
                _reloadGate.Release();
            }
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
