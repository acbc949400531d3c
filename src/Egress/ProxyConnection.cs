using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text;
using Smooth.Core.Events;
using Smooth.Egress.Polling;

namespace Smooth.Egress;

/// <summary>
/// One client connection to the proxy: a sequence of plain HTTP requests (kept alive) or one CONNECT tunnel.
/// Every request is admitted by the gate, then by the address rules, then sent to exactly the address that was checked.
/// Common plain requests are served by the fast path (<c>ProxyConnection.FastPath.cs</c>); this file is the general,
/// asynchronous path that serves everything else and takes over from the fast path wherever it stops.
/// </summary>
internal sealed partial class ProxyConnection(Socket client, IEgressGate gate, IEventSink events, EgressProxyOptions options,
    IHostResolver resolver) : IAsyncDisposable
{
    private const int MaxHead = 64 * 1024;
    private const int ReaderSize = 64 * 1024;

    private readonly PolledStream _clientStream = new(new PolledSocket(client, options.Io ?? EgressIoSelection.Default));
    private BufferedReader? _clientReader;
    private Upstream? _upstream;
    private bool _responseStarted;
    private string? _lastAuthorityText;
    private TargetAuthority _lastAuthority;

    /// <summary>Serves the connection until the client or the protocol ends it.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        _clientReader = new BufferedReader(_clientStream, ReaderSize);
        using var idle = new IdleWatch(options.IdleTimeout, ct);
        _idle = idle;
        _ct = ct;
        _context = ExecutionContext.Capture();
        try
        {
            while (!ct.IsCancellationRequested)
            {
                // The fast path serves requests until one needs this path; then this path serves that one (or the rest
                // of its response) and hands the connection back.
                switch (await RunFastPathAsync())
                {
                    case FastOutcome.Closed:
                        return;
                    case FastOutcome.Failed:
                        ExceptionDispatchInfo.Throw(_fxFailure!);
                        break;
                    case FastOutcome.Reply:
                        await TryWriteAsync(_fxReply!, ct);
                        return;
                    case FastOutcome.Response:
                        if (!await ContinueResponseAsync(ct)) return;
                        continue;
                    case FastOutcome.Body:
                        if (!await ContinueBodyAsync(ct)) return;
                        continue;
                }
                _responseStarted = false;
                idle.Waiting();
                var headLength = await _clientReader.PeekHeadAsync(MaxHead, idle.Token);
                idle.Busy();
                if (headLength is not { } length) return;
                // Parsed where it lies in the read buffer (the parse copies what it keeps), then consumed.
                var head = HttpHead.Parse(_clientReader.BufferedMemory.Span[..length], isRequest: true);
                _clientReader.Skip(length);
                if (head.Part1 == "CONNECT")
                {
                    await TunnelAsync(head, ct);
                    return;
                }
                if (!await ForwardAsync(head, ct)) return;
            }
        }
        catch (HttpProtocolException e)
        {
            if (!_responseStarted) await TryWriteAsync(ProxyResponses.Error(e.Status, e.Message), ct);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client or the upstream went away; nothing to answer.
        }
    }

    private async Task TunnelAsync(HttpHead head, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var target = TargetAuthority.Parse(head.Part2, defaultPort: null)
            ?? throw new HttpProtocolException(400, $"CONNECT target must be host:port, got '{Printable(head.Part2)}'");
        var admission = await AdmitAsync(target, "connect", null, null, ct);
        var what = $"CONNECT {target}";
        if (!admission.Allowed)
        {
            await RefuseAsync(admission, what, started, ct);
            return;
        }

        Upstream upstream;
        try
        {
            upstream = await ConnectAsync(admission, ct);
        }
        catch (HttpProtocolException e)
        {
            Emit(admission, true, "upstream-failed", e.Message, null, e.Status, 0, 0, started);
            await TryWriteAsync(ProxyResponses.Error(e.Status, e.Message), ct);
            return;
        }

        await using (upstream)
        {
            _responseStarted = true;
            await _clientStream.WriteAsync(ProxyResponses.ConnectEstablished, ct);
            var (toUpstream, toClient) = await Relay.RunAsync(_clientReader!, _clientStream, client,
                upstream.Reader, upstream.Stream, upstream.Socket, ct);
            Emit(admission, true, "allowed", admission.Reason, upstream.AddressText, 200, toClient, toUpstream, started);
        }
    }

    /// <summary>Forwards one plain HTTP request and its response; returns true when the connection may serve another.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> ForwardAsync(HttpHead head, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var method = head.Part1;
        var rawTarget = head.Part2;
        if (rawTarget.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            throw new HttpProtocolException(400, "https:// URLs go through a CONNECT tunnel: set HTTPS_PROXY to this proxy");
        }
        if (!rawTarget.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            throw new HttpProtocolException(400, "this is a forward proxy: the request target must be an absolute http:// URL");
        }
        var rest = rawTarget[7..];
        var end = rest.IndexOfAny(['/', '?', '#']);
        var authorityText = end < 0 ? rest : rest[..end];
        var originForm = end < 0 ? "/" : rest[end..];
        var hash = originForm.IndexOf('#');
        if (hash >= 0) originForm = originForm[..hash];
        if (originForm.StartsWith('?')) originForm = "/" + originForm;
        if (authorityText.Contains('@'))
        {
            throw new HttpProtocolException(400, "user information in the request URL is not forwarded; use an Authorization header");
        }
        // A client sends request after request to the same authority: parsed once per connection while it stays the same.
        if (authorityText != _lastAuthorityText)
        {
            _lastAuthority = TargetAuthority.Parse(authorityText, defaultPort: 80)
                ?? throw new HttpProtocolException(400, $"malformed host in the request target '{Printable(authorityText)}'");
            _lastAuthorityText = authorityText;
        }
        var target = _lastAuthority;
        var query = originForm.IndexOf('?');
        var path = query >= 0 ? originForm[..query] : originForm;

        var hosts = head.Find("Host", out var hostValue);
        if (hosts > 1) throw new HttpProtocolException(400, "more than one Host header");
        // A Host header written exactly as the target's authority names the same host and port.
        if (hosts == 1 && !hostValue.SequenceEqual(authorityText))
        {
            var claimedText = hostValue.ToString();
            var claimed = TargetAuthority.Parse(claimedText, defaultPort: 80);
            if (claimed is not { } c || c.Host != target.Host || c.Port != target.Port)
            {
                var request = new EgressRequest(target.Host, target.Port, "http", method, path, target.Address);
                var mismatch = new Admission(request, false, 403, "host-mismatch",
                    $"the Host header '{Printable(claimedText)}' does not match the request target {target}", null, []);
                await RefuseAsync(mismatch, $"{method} http://{target}{path}", started, ct);
                return false;
            }
        }

        var framing = head.Framing(isRequest: true, out var contentLength);
        var version = head.Part3;
        var clientClose = head.HasToken("Connection", "close") || (version == "HTTP/1.0" && !head.HasToken("Connection", "keep-alive"));

        var admission = await AdmitAsync(target, "http", method, path, ct);
        if (!admission.Allowed)
        {
            await RefuseAsync(admission, $"{method} http://{target}{path}", started, ct);
            return false;
        }

        // The outgoing head, and the request body bytes that already arrived, leave in one write from one pooled buffer.
        var requestHeadLength = RequestHead.Length(head, method, originForm, version, hosts == 0 ? target.ToString() : null);
        var bodyBuffered = framing == BodyFraming.Length ? (int)Math.Min(contentLength, _clientReader!.Buffered) : 0;
        var outBuffer = ArrayPool<byte>.Shared.Rent(requestHeadLength + bodyBuffered);
        try
        {
            RequestHead.Write(head, method, originForm, version, hosts == 0 ? target.ToString() : null, outBuffer);
            _clientReader!.TakeBuffered(bodyBuffered).CopyTo(outBuffer.AsMemory(requestHeadLength));
            var outMessage = outBuffer.AsMemory(0, requestHeadLength + bodyBuffered);
            for (var attempt = 0; ; attempt++)
            {
                var reused = _upstream is not null && _upstream.Port == target.Port && _upstream.Host == target.Host && admission.Addresses.Contains(_upstream.Address);
                if (!reused)
                {
                    _upstream?.Dispose();
                    _upstream = null;
                    try
                    {
                        _upstream = await ConnectAsync(admission, ct);
                    }
                    catch (HttpProtocolException e)
                    {
                        Emit(admission, true, "upstream-failed", e.Message, null, e.Status, 0, 0, started);
                        await TryWriteAsync(ProxyResponses.Error(e.Status, e.Message), ct);
                        return false;
                    }
                }
                var up = _upstream!;

                await up.Stream.WriteAsync(outMessage, ct);
                var bodyLeft = framing == BodyFraming.Length ? contentLength - bodyBuffered : 0;
                var bodyTask = BodyCopier.CopyAsync(framing, bodyLeft, _clientReader!, up.Stream, ct);
                if (await RelayResponseAsync(up, admission, method, outMessage.Length, bodyTask, clientClose, started, ct) is { } keepAlive)
                {
                    return keepAlive;
                }
                // A kept-alive upstream may have closed while idle: retry once on a fresh connection when nothing was lost.
                up.Dispose();
                _upstream = null;
                if (reused && attempt == 0 && framing == BodyFraming.None) continue;
                await bodyTask.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
                throw new HttpProtocolException(502, $"{target} closed the connection without a response");
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(outBuffer);
        }
    }

    /// <summary>
    /// Relays the response to a request already sent upstream (its body still going out through
    /// <paramref name="bodyTask"/>) and emits the decision event. Returns whether the connection may serve another
    /// request, or null when the upstream closed before sending anything.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool?> RelayResponseAsync(Upstream up, Admission admission, string method, long bytesOut, Task<long> bodyTask,
        bool clientClose, long started, CancellationToken ct)
    {
        var target = admission.Request.Authority;
        long bytesIn = 0;
        // The response head is parsed where it lies in the read buffer and forwarded unchanged, with the body bytes
        // behind it, in one write.
        if (await up.Reader.PeekHeadAsync(MaxHead, ct) is not { } headLength) return null;
        var response = HttpHead.Parse(up.Reader.BufferedMemory.Span[..headLength], isRequest: false);
        if (!int.TryParse(response.Part2, NumberStyles.None, CultureInfo.InvariantCulture, out var status) || status is < 100 or > 999)
        {
            throw new HttpProtocolException(502, $"{target} sent a malformed status line");
        }
        while (status is >= 100 and < 200 and not 101)
        {
            _responseStarted = true;
            await _clientStream.WriteAsync(up.Reader.BufferedMemory[..headLength], ct);
            up.Reader.Skip(headLength);
            bytesIn += headLength;
            headLength = await up.Reader.PeekHeadAsync(MaxHead, ct)
                ?? throw new IOException("upstream closed after an interim response");
            response = HttpHead.Parse(up.Reader.BufferedMemory.Span[..headLength], isRequest: false);
            if (!int.TryParse(response.Part2, NumberStyles.None, CultureInfo.InvariantCulture, out status)) throw new IOException("malformed status");
        }
        _responseStarted = true;

        if (status == 101)
        {
            await _clientStream.WriteAsync(up.Reader.BufferedMemory[..headLength], ct);
            up.Reader.Skip(headLength);
            bytesOut += await bodyTask;
            var (toUp, toClient) = await Relay.RunAsync(_clientReader!, _clientStream, client, up.Reader, up.Stream, up.Socket, ct);
            Emit(admission, true, "allowed", admission.Reason, up.AddressText, status, bytesIn + headLength + toClient, bytesOut + toUp, started);
            return false;
        }

        var noBody = method == "HEAD" || status is 204 or 304;
        long responseLength = 0;
        var responseFraming = noBody ? BodyFraming.None : response.Framing(isRequest: false, out responseLength);
        var upstreamClose = responseFraming == BodyFraming.UntilClose || response.HasToken("Connection", "close")
            || (response.Part1 == "HTTP/1.0" && !response.HasToken("Connection", "keep-alive"));

        bytesIn += await BodyCopier.ForwardMessageAsync(up.Reader, _clientStream, headLength, responseFraming, responseLength, ct);
        bytesOut += await bodyTask;
        return Complete(admission, status, bytesIn, bytesOut, upstreamClose, clientClose, started);
    }

    /// <summary>
    /// A response has been relayed in full: emits the decision event with its byte counts, closes an upstream that
    /// closes, and says whether the client connection may serve another request.
    /// </summary>
    private bool Complete(Admission admission, int status, long bytesIn, long bytesOut, bool upstreamClose, bool clientClose, long started)
    {
        Emit(admission, true, "allowed", admission.Reason, _upstream?.AddressText, status, bytesIn, bytesOut, started);
        if (upstreamClose && _upstream is not null)
        {
            _upstream.Dispose();
            _upstream = null;
        }
        return !clientClose && !upstreamClose;
    }

    private async ValueTask<Admission> AdmitAsync(TargetAuthority target, string scheme, string? method, string? path, CancellationToken ct)
    {
        var request = new EgressRequest(target.Host, target.Port, scheme, method, path, target.Address);
        EgressDecision decision;
        try
        {
            decision = await gate.CheckAsync(request, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Fail closed: no answer from the policy side is a no.
            return AdmissionRules.GateError(request, e);
        }
        if (AdmissionRules.Judge(request, decision) is { } refusal) return refusal;

        IReadOnlyList<IPAddress> addresses;
        if (target.Address is { } literal)
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await resolver.ResolveAsync(target.Host, ct);
            }
            catch (SocketException)
            {
                addresses = [];
            }
        }
        return AdmissionRules.Classify(request, decision, addresses);
    }

    private async Task<Upstream> ConnectAsync(Admission admission, CancellationToken ct)
    {
        Exception? last = null;
        foreach (var address in admission.Addresses)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.ConnectTimeout);
            try
            {
                var socket = await PolledSocket.ConnectAsync(new IPEndPoint(address, admission.Request.Port), timeout.Token, options.Io);
                return new Upstream(admission.Request.Host, admission.Request.Port, address, socket);
            }
            catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !ct.IsCancellationRequested))
            {
                last = e;
            }
        }
        var timedOut = last is OperationCanceledException;
        throw new HttpProtocolException(timedOut ? 504 : 502,
            $"could not connect to {admission.Request.Authority}: {(timedOut ? "timed out" : (last as SocketException)?.SocketErrorCode.ToString() ?? "no address")}");
    }

    private async Task RefuseAsync(Admission admission, string what, long started, CancellationToken ct)
    {
        Emit(admission, false, admission.Code, admission.Reason, null, admission.Status, 0, 0, started);
        var bytes = admission.Status == 403
            ? ProxyResponses.Denied(what, admission.Code, admission.Reason, admission.Rule, admission.Request.Authority)
            : ProxyResponses.Error(admission.Status, admission.Reason);
        await TryWriteAsync(bytes, ct);
    }

    private void Emit(Admission admission, bool allowed, string code, string reason, string? address, int? status, long bytesIn, long bytesOut, long started) =>
        events.Emit(EgressEvents.Decision(admission.Request, allowed, code, reason, admission.Rule, address, status, bytesIn, bytesOut,
            Stopwatch.GetElapsedTime(started), options.ClientLabel));

    private async Task TryWriteAsync(byte[] bytes, CancellationToken ct)
    {
        try
        {
            await _clientStream.WriteAsync(bytes, ct);
            client.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException) { }
    }

    private static string Printable(string s) => s.Length > 200 ? s[..200] + "..." : s;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_upstream is not null) await _upstream.DisposeAsync();
        await _clientStream.DisposeAsync();
    }

    private sealed class Upstream : IAsyncDisposable, IDisposable
    {
        public Upstream(string host, int port, IPAddress address, PolledSocket socket)
        {
            Host = host;
            Port = port;
            Address = address;
            AddressText = address.ToString();
            Socket = socket.Socket;
            Stream = new PolledStream(socket);
            Reader = new BufferedReader(Stream, ReaderSize);
        }

        public string Host { get; }
        public int Port { get; }
        public IPAddress Address { get; }
        // Formatted once: every request's event names the address.
        public string AddressText { get; }
        public Socket Socket { get; }
        public PolledStream Stream { get; }
        public BufferedReader Reader { get; }

        public ValueTask DisposeAsync() => Stream.DisposeAsync();

        public void Dispose() => Stream.Socket.Dispose();
    }
}
