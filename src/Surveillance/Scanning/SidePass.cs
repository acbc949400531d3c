using System.Runtime.ExceptionServices;
using Smooth.Surveillance.Rules;
using Smooth.Surveillance.Scoring;

namespace Smooth.Surveillance.Scanning;

/// <summary>
/// The parts of a scan that need nothing the rules find: the learned scorers' read of the text (each scorer's flagged
/// windows and its candidate runs, below the threshold and at the corroborated one) and the injection rules' second
/// look at disguised lines (<see cref="DisguiseRescan"/>). A long text can have them done on another core while the
/// rules run (<see cref="Start"/>). Whoever comes first does the work: a pool thread, or the scan itself when it is done
/// with the rules before any pool thread took it. A busy pool therefore never makes a scan wait, and the scan never
/// blocks on work that has not started.
/// </summary>
internal sealed class SidePass : IThreadPoolWorkItem
{
    private readonly RuleSet _set;
    private readonly int[] _scorers;
    private readonly string _text;
    private readonly bool _rescan;
    private readonly Action<CompiledRule>? _onTimeout;
    private readonly List<ScoredWindow>[] _flagged;
    private readonly List<WindowRun>[] _candidates;
    private readonly List<RawMatch> _disguised = [];
    private int _taken; // 1 once the scan or a pool thread has taken the work
    private ExceptionDispatchInfo? _failure;
    private ManualResetEventSlim? _finished;

    private SidePass(RuleSet set, int[] scorers, string text, bool rescan, Action<CompiledRule>? onTimeout)
    {
        _set = set;
        _scorers = scorers;
        _text = text;
        _rescan = rescan;
        _onTimeout = onTimeout;
        _flagged = [.. scorers.Select(_ => new List<ScoredWindow>())];
        _candidates = [.. scorers.Select(_ => new List<WindowRun>())];
    }

    /// <summary>
    /// The side pass over <paramref name="text"/>: the scorer rules <paramref name="scorers"/> (indices into the set's
    /// rules) and, with <paramref name="rescan"/>, the disguise rescan. Queued to the thread pool when
    /// <paramref name="parallel"/> (or to <paramref name="queue"/>, which tests use to hold it back).
    /// </summary>
    public static SidePass Start(RuleSet set, int[] scorers, string text, bool rescan, Action<CompiledRule>? onTimeout, bool parallel, Action<IThreadPoolWorkItem>? queue = null)
    {
        var pass = new SidePass(set, scorers, text, rescan, onTimeout);
        if (parallel)
        {
            pass._finished = new ManualResetEventSlim(false);
            if (queue is not null) queue(pass);
            else ThreadPool.UnsafeQueueUserWorkItem(pass, preferLocal: false);
        }
        return pass;
    }

    /// <summary>True when the scan itself did the work (no pool thread had taken it by <see cref="Join"/>).</summary>
    public bool RanInline { get; private set; }

    /// <summary>The windows scorer <paramref name="k"/> (its index in the scorers given) flagged.</summary>
    public IReadOnlyList<ScoredWindow> Flagged(int k) => _flagged[k];

    /// <summary>The candidate runs of scorer <paramref name="k"/>, for corroboration.</summary>
    public IReadOnlyList<WindowRun> Candidates(int k) => _candidates[k];

    /// <summary>What the injection rules found in the clean copies of disguised lines, mapped onto the text.</summary>
    public IReadOnlyList<RawMatch> Disguised => _disguised;

    /// <summary>Does the work here unless a pool thread has it, then waits for it to finish; rethrows its failure.</summary>
    public void Join()
    {
        if (Interlocked.Exchange(ref _taken, 1) == 0)
        {
            RanInline = true;
            Run();
        }
        else
        {
            // Not disposed: the pool thread may still be inside Set when the wait returns, and an event nobody asked
            // for a wait handle of holds nothing to release.
            _finished!.Wait();
        }
        _failure?.Throw();
    }

    void IThreadPoolWorkItem.Execute()
    {
        if (Interlocked.Exchange(ref _taken, 1) == 0) Run();
    }

    private void Run()
    {
        try
        {
            for (var k = 0; k < _scorers.Length; k++)
            {
                var scorer = _set.Rules[_scorers[k]].Scorer!;
                WindowScorer.Flag(scorer.Model, _text, scorer.Threshold, _flagged[k], scorer.CorroboratedThreshold, _candidates[k]);
            }
            if (_rescan) DisguiseRescan.Run(_set, _text, _disguised, _onTimeout);
        }
        catch (Exception e)
        {
            _failure = ExceptionDispatchInfo.Capture(e);
        }
        finally
        {
            _finished?.Set();
        }
    }
}
