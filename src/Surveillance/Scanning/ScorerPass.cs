using System.Runtime.ExceptionServices;
using Smooth.Surveillance.Rules;
using Smooth.Surveillance.Scoring;

namespace Smooth.Surveillance.Scanning;

/// <summary>
/// The learned scorers' read of a text: each scorer's flagged windows and its candidate runs (below the threshold, at
/// the corroborated one). The read needs nothing the rules find, so a long text can have it done on another core while
/// the rules run (<see cref="Start"/>). Whoever comes first does it: a pool thread, or the scan itself when it is done
/// with the rules before any pool thread took the work. A busy pool therefore never makes a scan wait, and the scan
/// never blocks on work that has not started.
/// </summary>
internal sealed class ScorerPass : IThreadPoolWorkItem
{
    private readonly IReadOnlyList<CompiledRule> _rules;
    private readonly int[] _scorers;
    private readonly string _text;
    private readonly List<ScoredWindow>[] _flagged;
    private readonly List<WindowRun>[] _candidates;
    private int _taken; // 1 once the scan or a pool thread has taken the work
    private ExceptionDispatchInfo? _failure;
    private ManualResetEventSlim? _finished;

    private ScorerPass(IReadOnlyList<CompiledRule> rules, int[] scorers, string text)
    {
        _rules = rules;
        _scorers = scorers;
        _text = text;
        _flagged = [.. scorers.Select(_ => new List<ScoredWindow>())];
        _candidates = [.. scorers.Select(_ => new List<WindowRun>())];
    }

    /// <summary>
    /// A pass over <paramref name="text"/> with the scorer rules <paramref name="scorers"/>, queued to the thread pool
    /// when <paramref name="parallel"/> (or to <paramref name="queue"/>, which tests use to hold it back).
    /// </summary>
    public static ScorerPass Start(IReadOnlyList<CompiledRule> rules, int[] scorers, string text, bool parallel, Action<IThreadPoolWorkItem>? queue = null)
    {
        var pass = new ScorerPass(rules, scorers, text);
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
                var scorer = _rules[_scorers[k]].Scorer!;
                WindowScorer.Flag(scorer.Model, _text, scorer.Threshold, _flagged[k], scorer.CorroboratedThreshold, _candidates[k]);
            }
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
