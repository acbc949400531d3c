using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using System.Text;

namespace Smooth.Egress;

/// <summary>
/// The fast path for kept-alive plain HTTP with small bodies: an explicit state machine driven by the completions of the
/// poller's socket operations, without async methods, per-request buffers or per-request strings beyond the decision
/// event. Read the head, scan it in place, ask the gate (every request), check the addresses, send the head upstream on
/// the connection's pooled upstream, relay the response by its framing, emit the event, wait for the next request.
/// Anything else ends the episode with a <see cref="FastOutcome"/> and the asynchronous path carries on from there.
/// One operation is outstanding at a time, so the state is only ever touched by one thread.
/// </summary>
internal sealed partial class ProxyConnection
{
    // Request bodies up to this size that arrived with their head go out in the head's write; larger ones stream on the
    // asynchronous path.
    private const int FastRequestBody = 16 * 1024;
    // Response bodies up to this size are relayed here; larger ones go to the asynchronous copier's bigger buffer.
    private const int FastResponseBody = 64 * 1024;

    private IdleWatch? _idle;
    private CancellationToken _ct;
    // The connection's context (the run's trace, for one): the gate, the resolver and the events see it on the fast path
    // as they do on the asynchronous path, though completions arrive on the poller thread without it.
    private ExecutionContext? _context;

    private TaskCompletionSource<FastOutcome>? _fxEpisode;
    private Exception? _fxFailure;
    private byte[]? _fxReply;
    private Action? _fxResume;
    private Step _fxStep;
    private ValueTask<int> _fxRead;
    private ValueTask _fxWrite;
    private Task? _fxTask;

    // The request in flight.
    private long _fxStarted;
    private EgressRequest? _fxRequest;
    private EgressDecision? _fxDecision;
    private Admission? _fxAdmission;
    private byte[] _fxOut = [];
    private int _fxOutLength;
    private bool _fxRetryable;
    private bool _fxReused;
    private int _fxAttempt;
    private bool _fxClientClose;
    private bool _fxClientEnded;
    private bool _fxUpstreamEnded;
    // The response in flight.
    private int _fxStatus;
    private BodyFraming _fxFraming;
    private long _fxBodyLeft;
    private ChunkedScanner _fxScanner;
    private bool _fxUpstreamClose;
    private bool _fxBodyDone;
    private int _fxPending;
    private int _fxSending;
    private long _fxBytesIn;
    private long _fxBytesOut;

    // What repeats from request to request on a connection, kept so that a repeat costs a comparison, not a string.
    private byte[] _fxAuthorityBytes = [];
    private TargetAuthority _fxTarget;
    private byte[] _fxPathBytes = [];
    private string _fxPath = "";
    private Admission? _fxLastAdmission;
    private EgressDecision? _fxLastDecision;

    private enum Step
    {
        ReadRequest, RequestRead, Gate, Resolve, Connect, RequestSent, ReadResponse, ResponseHeadRead, RelayBody, ResponseBodyRead,
        ResponseSent, Ended,
    }

    /// <summary>Runs the fast path until it stops; the outcome says what the asynchronous path does next.</summary>
    private Task<FastOutcome> RunFastPathAsync()
    {
        // Continuations run elsewhere: the fast path's call stack unwinds before the asynchronous path starts.
        _fxEpisode = new TaskCompletionSource<FastOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        _fxResume ??= Resume;
        _fxFailure = null;
        _fxReply = null;
        NextRequest();
        Drive();
        return _fxEpisode.Task;
    }

    private void NextRequest()
    {
        _responseStarted = false;
        _fxAttempt = 0;
        _idle!.Waiting();
        _fxStep = Step.ReadRequest;
    }

    // An operation completed (on the poller thread, or wherever a task completed): carry on in the connection's context.
    private void Resume()
    {
        if (_context is null) Drive();
        else ExecutionContext.Run(_context, static state => ((ProxyConnection)state!).Drive(), this);
    }

    // Runs steps until one waits for an operation (its completion calls this again) or the episode ends.
    private void Drive()
    {
        try
        {
            while (_fxStep switch
            {
                Step.ReadRequest => ReadRequest(),
                Step.RequestRead => RequestRead(),
                Step.Gate => Gated(),
                Step.Resolve => Resolved(),
                Step.Connect => Connected(),
                Step.RequestSent => RequestSent(),
                Step.ReadResponse => ReadResponse(),
                Step.ResponseHeadRead => ResponseRead(Step.ReadResponse),
                Step.RelayBody => RelayBody(),
                Step.ResponseBodyRead => ResponseRead(Step.RelayBody),
                Step.ResponseSent => ResponseSent(),
                _ => false,
            })
            {
            }
        }
        catch (Exception e)
        {
            _fxFailure = e;
            End(FastOutcome.Failed);
        }
    }

    private bool End(FastOutcome outcome)
    {
        _fxStep = Step.Ended;
        _fxEpisode!.TrySetResult(outcome);
        return false;
    }

    private bool ReadRequest()
    {
        var reader = _clientReader!;
        var buffered = reader.BufferedMemory.Span;
        var end = buffered.IndexOf("\r\n\r\n"u8);
        if (end >= 0)
        {
            _idle!.Busy();
            return Parse(end + 4);
        }
        if (_fxClientEnded) return End(buffered.Length == 0 ? FastOutcome.Closed : FastOutcome.Request);
        var space = reader.FillSpace();
        if (buffered.Length >= MaxHead || space.IsEmpty) return End(FastOutcome.Request);
        _fxRead = _clientStream.Socket.ReceiveAsync(space, _idle!.Token);
        return Await(_fxRead, Step.RequestRead);
    }

    private bool RequestRead()
    {
        var n = _fxRead.GetAwaiter().GetResult();
        if (n == 0) _fxClientEnded = true;
        else _clientReader!.Advance(n);
        _fxStep = Step.ReadRequest;
        return true;
    }

    private bool Parse(int headLength)
    {
        var reader = _clientReader!;
        var head = reader.BufferedMemory.Span[..headLength];
        if (!FastRequest.TryParse(head, out var r)) return End(FastOutcome.Request);
        if (r.ContentLength > FastRequestBody) return End(FastOutcome.Request);
        var bodyLength = (int)r.ContentLength;
        if (reader.Buffered - headLength < bodyLength)
        {
            // A small body often follows its head in a write of its own: wait for it here (the head is scanned again).
            var space = reader.FillSpace();
            if (_fxClientEnded || space.IsEmpty) return End(FastOutcome.Request);
            _fxRead = _clientStream.Socket.ReceiveAsync(space, _ct);
            return Await(_fxRead, Step.RequestRead);
        }

        var authority = head.Slice(r.AuthorityStart, r.AuthorityLength);
        if (!authority.SequenceEqual(_fxAuthorityBytes))
        {
            if (TargetAuthority.Parse(Encoding.Latin1.GetString(authority), defaultPort: 80) is not { } parsed) return End(FastOutcome.Request);
            _fxTarget = parsed;
            _fxAuthorityBytes = authority.ToArray();
            _fxRequest = null;
        }
        _fxStarted = Stopwatch.GetTimestamp();
        var method = MethodName(head[..r.MethodLength]);
        var path = head.Slice(r.OriginStart, r.PathLength);
        if (!path.SequenceEqual(_fxPathBytes))
        {
            _fxPathBytes = path.ToArray();
            _fxPath = Encoding.Latin1.GetString(path);
            _fxRequest = null;
        }
        // The same target, method and path make the same question; the gate is still asked every time.
        if (_fxRequest is null || !ReferenceEquals(_fxRequest.Method, method))
        {
            _fxRequest = new EgressRequest(_fxTarget.Host, _fxTarget.Port, "http", method, _fxPath, _fxTarget.Address);
        }

        // The head as it goes upstream, with the body behind it, built in the connection's own buffer.
        var bound = r.UpstreamBound(headLength) + bodyLength;
        if (_fxOut.Length < bound) _fxOut = new byte[Math.Max(Math.Max(bound, 1024), _fxOut.Length * 2)];
        var written = r.WriteUpstream(head, _fxOut);
        reader.BufferedMemory.Span.Slice(headLength, bodyLength).CopyTo(_fxOut.AsSpan(written));
        _fxOutLength = written + bodyLength;
        reader.Skip(headLength + bodyLength);
        _fxRetryable = !r.HasContentLength;
        _fxClientClose = r.ClientClose;
        return Ask();
    }

    // Methods are a handful of words: the common ones cost no string.
    private static string MethodName(ReadOnlySpan<byte> method) => method switch
    {
        _ when method.SequenceEqual("GET"u8) => "GET",
        _ when method.SequenceEqual("HEAD"u8) => "HEAD",
        _ when method.SequenceEqual("POST"u8) => "POST",
        _ when method.SequenceEqual("PUT"u8) => "PUT",
        _ when method.SequenceEqual("DELETE"u8) => "DELETE",
        _ when method.SequenceEqual("PATCH"u8) => "PATCH",
        _ when method.SequenceEqual("OPTIONS"u8) => "OPTIONS",
        _ => Encoding.Latin1.GetString(method),
    };

    private bool Ask()
    {
        ValueTask<EgressDecision> decision;
        try
        {
            decision = gate.CheckAsync(_fxRequest!, _ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Refuse(AdmissionRules.GateError(_fxRequest!, e));
        }
        if (decision.IsCompletedSuccessfully) return Decide(decision.Result);
        // A gate that has to wait (a person asked for access) is waited for here too.
        _fxTask = decision.AsTask();
        return Await(_fxTask, Step.Gate);
    }

    private bool Gated()
    {
        var task = (Task<EgressDecision>)_fxTask!;
        if (task.IsCompletedSuccessfully) return Decide(task.Result);
        var e = task.Exception?.InnerException;
        if (e is null or OperationCanceledException) throw e ?? new OperationCanceledException(_ct);
        return Refuse(AdmissionRules.GateError(_fxRequest!, e));
    }

    private bool Decide(EgressDecision decision)
    {
        var request = _fxRequest!;
        if (AdmissionRules.Judge(request, decision) is { } refusal) return Refuse(refusal);
        if (_fxTarget.Address is { } literal)
        {
            // For an address the verdict depends on the question and the gate's answer alone: the same objects give the
            // same admission.
            if (_fxLastAdmission is null || !ReferenceEquals(_fxLastAdmission.Request, request) || !ReferenceEquals(_fxLastDecision, decision))
            {
                _fxLastAdmission = AdmissionRules.Classify(request, decision, [literal]);
                _fxLastDecision = decision;
            }
            return Admit(_fxLastAdmission);
        }
        ValueTask<IReadOnlyList<IPAddress>> resolving;
        try
        {
            resolving = resolver.ResolveAsync(request.Host, _ct);
        }
        catch (SocketException)
        {
            return Admit(AdmissionRules.Classify(request, decision, []));
        }
        if (resolving.IsCompletedSuccessfully) return Admit(AdmissionRules.Classify(request, decision, resolving.Result));
        _fxDecision = decision;
        _fxTask = resolving.AsTask();
        return Await(_fxTask, Step.Resolve);
    }

    private bool Resolved()
    {
        var task = (Task<IReadOnlyList<IPAddress>>)_fxTask!;
        if (task.IsCompletedSuccessfully) return Admit(AdmissionRules.Classify(_fxRequest!, _fxDecision!, task.Result));
        var e = task.Exception?.InnerException;
        if (e is SocketException) return Admit(AdmissionRules.Classify(_fxRequest!, _fxDecision!, []));
        ExceptionDispatchInfo.Throw(e ?? new OperationCanceledException(_ct));
        return false;
    }

    private bool Refuse(Admission admission)
    {
        Emit(admission, false, admission.Code, admission.Reason, null, admission.Status, 0, 0, _fxStarted);
        _fxReply = admission.Status == 403
            ? ProxyResponses.Denied($"{admission.Request.Method} http://{_fxTarget}{admission.Request.Path}", admission.Code, admission.Reason,
                admission.Rule, admission.Request.Authority)
            : ProxyResponses.Error(admission.Status, admission.Reason);
        return End(FastOutcome.Reply);
    }

    private bool Admit(Admission admission)
    {
        if (!admission.Allowed) return Refuse(admission);
        _fxAdmission = admission;
        var up = _upstream;
        _fxReused = up is not null && up.Port == _fxTarget.Port && up.Host == _fxTarget.Host && admission.Addresses.Contains(up.Address);
        if (_fxReused) return SendRequest();
        up?.Dispose();
        _upstream = null;
        return Connect();
    }

    private bool Connect()
    {
        _fxTask = ConnectAsync(_fxAdmission!, _ct);
        return Await(_fxTask, Step.Connect);
    }

    private bool Connected()
    {
        var task = (Task<Upstream>)_fxTask!;
        if (task.IsCompletedSuccessfully)
        {
            _upstream = task.Result;
            _fxReused = false;
            return SendRequest();
        }
        var e = task.Exception?.InnerException;
        if (e is HttpProtocolException failed)
        {
            Emit(_fxAdmission!, true, "upstream-failed", failed.Message, null, failed.Status, 0, 0, _fxStarted);
            _fxReply = ProxyResponses.Error(failed.Status, failed.Message);
            return End(FastOutcome.Reply);
        }
        ExceptionDispatchInfo.Throw(e ?? new OperationCanceledException(_ct));
        return false;
    }

    private bool SendRequest()
    {
        _fxUpstreamEnded = false;
        _fxWrite = _upstream!.Stream.Socket.SendAsync(_fxOut.AsMemory(0, _fxOutLength), _ct);
        return Await(_fxWrite, Step.RequestSent);
    }

    private bool RequestSent()
    {
        _fxWrite.GetAwaiter().GetResult();
        _fxBytesOut = _fxOutLength;
        _fxBytesIn = 0;
        _fxStep = Step.ReadResponse;
        return true;
    }

    private bool ReadResponse()
    {
        var reader = _upstream!.Reader;
        var buffered = reader.BufferedMemory.Span;
        var end = buffered.IndexOf("\r\n\r\n"u8);
        if (end >= 0) return ParseResponse(end + 4);
        if (_fxUpstreamEnded)
        {
            if (buffered.Length > 0) return End(FastOutcome.Response);
            // Nothing came back: a kept-alive upstream may have closed while idle. Retried once on a fresh connection
            // when the request had no body, as on the asynchronous path.
            _upstream.Dispose();
            _upstream = null;
            if (_fxReused && _fxAttempt++ == 0 && _fxRetryable) return Connect();
            throw new HttpProtocolException(502, $"{_fxTarget} closed the connection without a response");
        }
        var space = reader.FillSpace();
        if (buffered.Length >= MaxHead || space.IsEmpty) return End(FastOutcome.Response);
        _fxRead = _upstream.Stream.Socket.ReceiveAsync(space, _ct);
        return Await(_fxRead, Step.ResponseHeadRead);
    }

    private bool ResponseRead(Step next)
    {
        var n = _fxRead.GetAwaiter().GetResult();
        if (n == 0) _fxUpstreamEnded = true;
        else _upstream!.Reader.Advance(n);
        _fxStep = next;
        return true;
    }

    private bool ParseResponse(int headLength)
    {
        var head = _upstream!.Reader.BufferedMemory.Span[..headLength];
        if (!FastResponse.TryParse(head, noBody: ReferenceEquals(_fxRequest!.Method, "HEAD"), out var response)
            || response.ContentLength > FastResponseBody)
        {
            return End(FastOutcome.Response);
        }
        _responseStarted = true;
        _fxStatus = response.Status;
        _fxFraming = response.Framing;
        _fxBodyLeft = response.ContentLength;
        _fxScanner = default;
        _fxUpstreamClose = response.UpstreamClose;
        // The head goes out with the body bytes behind it, in one write.
        _fxPending = headLength;
        _fxStep = Step.RelayBody;
        return true;
    }

    private bool RelayBody()
    {
        var reader = _upstream!.Reader;
        var buffered = reader.BufferedMemory;
        var ready = _fxPending;
        _fxPending = 0;
        switch (_fxFraming)
        {
            case BodyFraming.Length:
                var take = (int)Math.Min(_fxBodyLeft, buffered.Length - ready);
                ready += take;
                _fxBodyLeft -= take;
                _fxBodyDone = _fxBodyLeft == 0;
                break;
            case BodyFraming.Chunked:
                ready += _fxScanner.Scan(buffered.Span[ready..]);
                _fxBodyDone = _fxScanner.Done;
                break;
            default:
                _fxBodyDone = true;
                break;
        }
        if (ready == 0) return ReadBody();
        _fxSending = ready;
        _fxWrite = _clientStream.Socket.SendAsync(buffered[..ready], _ct);
        return Await(_fxWrite, Step.ResponseSent);
    }

    private bool ResponseSent()
    {
        _fxWrite.GetAwaiter().GetResult();
        _upstream!.Reader.Skip(_fxSending);
        _fxBytesIn += _fxSending;
        if (!_fxBodyDone)
        {
            // A long chunked body continues on the asynchronous copier.
            if (_fxBytesIn > FastResponseBody) return End(FastOutcome.Body);
            return ReadBody();
        }
        if (!Complete(_fxAdmission!, _fxStatus, _fxBytesIn, _fxBytesOut, _fxUpstreamClose, _fxClientClose, _fxStarted)) return End(FastOutcome.Closed);
        NextRequest();
        return true;
    }

    private bool ReadBody()
    {
        if (_fxUpstreamEnded)
        {
            // As the asynchronous copiers report a body cut short.
            if (_fxFraming == BodyFraming.Chunked) throw new HttpProtocolException(400, "connection closed inside a chunked body");
            throw new IOException("connection closed inside a body");
        }
        var space = _upstream!.Reader.FillSpace();
        if (space.IsEmpty) return End(FastOutcome.Body);
        _fxRead = _upstream.Stream.Socket.ReceiveAsync(space, _ct);
        return Await(_fxRead, Step.ResponseBodyRead);
    }

    // Moves to `next`; true when the operation already completed (the loop goes on), false when its completion will.
    private bool Await(ValueTask<int> operation, Step next)
    {
        _fxStep = next;
        if (operation.IsCompleted) return true;
        operation.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_fxResume!);
        return false;
    }

    private bool Await(ValueTask operation, Step next)
    {
        _fxStep = next;
        if (operation.IsCompleted) return true;
        operation.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_fxResume!);
        return false;
    }

    private bool Await(Task operation, Step next)
    {
        _fxStep = next;
        if (operation.IsCompleted) return true;
        operation.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_fxResume!);
        return false;
    }

    /// <summary>The fast path stopped at a response head it leaves to the full parser: relay that response from there.</summary>
    private async ValueTask<bool> ContinueResponseAsync(CancellationToken ct)
    {
        var up = _upstream!;
        if (await RelayResponseAsync(up, _fxAdmission!, _fxRequest!.Method!, _fxBytesOut, Task.FromResult(0L), _fxClientClose, _fxStarted, ct) is { } keepAlive)
        {
            return keepAlive;
        }
        up.Dispose();
        _upstream = null;
        throw new HttpProtocolException(502, $"{_fxTarget} closed the connection without a response");
    }

    /// <summary>The fast path relayed the start of a long body: the asynchronous copier relays the rest.</summary>
    private async ValueTask<bool> ContinueBodyAsync(CancellationToken ct)
    {
        var up = _upstream!;
        var rest = _fxFraming == BodyFraming.Chunked
            ? await BodyCopier.CopyChunkedAsync(up.Reader, _clientStream, 0, _fxScanner, ct)
            : await BodyCopier.CopyExactAsync(up.Reader, _clientStream, _fxBodyLeft, ct);
        return Complete(_fxAdmission!, _fxStatus, _fxBytesIn + rest, _fxBytesOut, _fxUpstreamClose, _fxClientClose, _fxStarted);
    }
}
