using System.Security.Cryptography;
using Smooth.Operator.Control;
using Smooth.Operator.Events;

namespace Smooth.Operator.Host;

/// <summary>
/// The host's record of one running operator: its token (kept only as a hash), its spec, the pearls its token may see,
/// the control messages waiting for it, and where its events go.
/// </summary>
public sealed class OperatorSession
{
    private readonly List<ControlMessage> _controls = [];
    private readonly HashSet<string> _pearlScope;
    private TaskCompletionSource _controlSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastEventSeq;
    private readonly long _controlBase;

    /// <summary>
    /// Creates a session; <paramref name="pearlScope"/> is the pearl and its dependency closure. When resuming, pass the
    /// checkpoint's last event and control numbers so both streams continue where they stopped.
    /// </summary>
    public OperatorSession(OperatorSpec spec, IEnumerable<string> pearlScope, HostToolGuard guard, Action<OperatorEvent> onEvent, long lastEventSeq = 0, long lastControlSeq = 0)
    {
        _controlBase = lastControlSeq;
        Spec = spec;
        _pearlScope = new HashSet<string>(pearlScope, StringComparer.Ordinal);
        Guard = guard;
        OnEvent = onEvent;
        _lastEventSeq = lastEventSeq;
        Token = "smo_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The run's spec.</summary>
    public OperatorSpec Spec { get; }

    /// <summary>The run id.</summary>
    public string RunId => Spec.RunId;

    /// <summary>
    /// The bearer token the operator presents, held here only to hand it over once through the sandbox environment;
    /// the API looks sessions up by the token's hash.
    /// </summary>
    public string Token { get; }

    /// <summary>Why this operator may not file sub-pearls (the policy's <c>pearls.create: false</c>), or null when it may.</summary>
    public string? PearlCreateRefusal { get; init; }

    /// <summary>The checks for this session's tool calls.</summary>
    public HostToolGuard Guard { get; }

    /// <summary>Receives each event once, in order.</summary>
    public Action<OperatorEvent> OnEvent { get; }

    /// <summary>The last event received.</summary>
    public OperatorEvent? LastEvent { get; private set; }

    /// <summary>True when <paramref name="pearlId"/> is one the operator may see.</summary>
    public bool MaySee(string pearlId)
    {
        lock (_pearlScope) return _pearlScope.Contains(pearlId);
    }

    /// <summary>The pearls in scope.</summary>
    public IReadOnlyList<string> Scope
    {
        get { lock (_pearlScope) return _pearlScope.Order(StringComparer.Ordinal).ToList(); }
    }

    /// <summary>Adds a pearl the operator created to its scope.</summary>
    public void Widen(string pearlId)
    {
        lock (_pearlScope) _pearlScope.Add(pearlId);
    }

    /// <summary>Accepts events, dropping any already received (the operator may resend after a hiccup).</summary>
    public void Receive(IEnumerable<OperatorEvent> events)
    {
        lock (_controls)
        {
            foreach (var e in events.OrderBy(e => e.Seq))
            {
                if (e.Seq <= _lastEventSeq) continue;
                _lastEventSeq = e.Seq;
                LastEvent = e;
                OnEvent(e);
            }
        }
    }

    /// <summary>Queues a control message for the operator; returns its sequence number.</summary>
    public long Send(string kind, string text = "")
    {
        if (!ControlKinds.IsKnown(kind)) throw new ArgumentException($"unknown control kind '{kind}'", nameof(kind));
        TaskCompletionSource signal;
        long seq;
        lock (_controls)
        {
            seq = _controlBase + _controls.Count + 1;
            _controls.Add(new ControlMessage(seq, kind, text));
            signal = _controlSignal;
            _controlSignal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        signal.TrySetResult();
        return seq;
    }

    /// <summary>Control messages after <paramref name="afterSeq"/>, waiting up to <paramref name="wait"/> for one.</summary>
    public async Task<IReadOnlyList<ControlMessage>> NextControlsAsync(long afterSeq, TimeSpan wait, CancellationToken ct)
    {
        Task signal;
        lock (_controls)
        {
            var ready = _controls.Where(c => c.Seq > afterSeq).ToList();
            if (ready.Count > 0) return ready;
            signal = _controlSignal.Task;
        }
        try
        {
            await signal.WaitAsync(wait, ct);
        }
        catch (TimeoutException)
        {
            return [];
        }
        lock (_controls) return _controls.Where(c => c.Seq > afterSeq).ToList();
    }
}
