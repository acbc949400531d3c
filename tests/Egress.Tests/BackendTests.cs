using Smooth.Egress.Polling;

namespace Smooth.Egress.Tests;

/// <summary>
/// A representative part of the proxy's end-to-end tests, run on each I/O backend explicitly (whatever the process's
/// default is): kept-alive and pipelined plain HTTP, bodies in both directions, the general path after the fast one,
/// denials, a CONNECT tunnel with TLS, a large download, connection limits and idle timeouts. The tests are the
/// existing ones, unchanged; <see cref="ProxyHarness.Backend"/> makes the harness they create use the backend asked
/// for. The whole suite also runs on either backend with <c>SMOOTH_EGRESS_IO=epoll|uring</c>.
/// </summary>
public sealed class BackendTests
{
    private static readonly Dictionary<string, Func<Task>> Cases = new()
    {
        ["keep-alive sequence"] = () => new FastPathTests().A_keep_alive_sequence_goes_over_one_upstream_connection_and_each_event_counts_the_exact_bytes(),
        ["pipelined"] = () => new FastPathTests().Pipelined_requests_sent_in_one_write_are_answered_in_order(),
        ["small body after head"] = () => new FastPathTests().A_small_body_written_after_its_head_is_forwarded_whole_with_the_head(),
        ["general path between fast"] = () => new FastPathTests().Requests_and_responses_left_to_the_general_path_are_served_between_fast_ones_on_one_connection(),
        ["long chunked response"] = () => new FastPathTests().A_long_chunked_response_started_on_the_fast_path_is_finished_by_the_general_one_with_all_bytes_counted(),
        ["denied mid keep-alive"] = () => new FastPathTests().A_denied_request_in_the_middle_of_a_keep_alive_connection_gets_its_403_and_the_connection_ends(),
        ["spoofed host"] = () => new FastPathTests().A_spoofed_host_header_after_fast_requests_is_refused_and_nothing_is_forwarded(),
        ["policy change"] = () => new FastPathTests().A_policy_change_between_two_requests_on_one_connection_takes_effect_at_once(),
        ["late gate"] = () => new FastPathTests().A_gate_that_answers_later_is_waited_for_on_every_request(),
        ["idle upstream replaced"] = () => new FastPathTests().An_upstream_that_closed_while_idle_is_replaced_and_the_request_retried(),
        ["plain allowed"] = () => new EgressProxyTests().AllowedPlainHttp_IsForwarded_AndTheDecisionEventCarriesBytes(),
        ["keep-alive bodies"] = () => new EgressProxyTests().KeepAlive_ServesSeveralRequestsOnOneConnection_WithBodiesAndChunking(),
        ["connect tls"] = () => new EgressProxyTests().AllowedConnect_TunnelsTlsEndToEnd(),
        ["connect denied"] = () => new EgressProxyTests().NotAllowedHost_Connect_Gets403_AndTheNameIsNeverResolved(),
        ["ambiguous framing"] = () => new EgressProxyTests().AmbiguousBodyFraming_IsRejected(),
        ["connection limit"] = () => new EgressProxyTests().ConnectionsBeyondTheLimit_Get503(),
        ["large upload"] = () => new LargeBodyTests().LargeChunkedUpload_IsEchoedIntact_AndTheNextRequestOnTheConnectionWorks(),
        ["large download"] = () => new LargeBodyTests().LargeLengthFramedDownload_IsForwardedWhole(),
        ["idle timeout"] = () => new IdleTimeoutTests().An_idle_keep_alive_connection_is_closed_by_the_proxy(),
    };

    public static TheoryData<string, string> Runs()
    {
        var data = new TheoryData<string, string>();
        foreach (var backend in TestBackends.Available)
        {
            foreach (var name in Cases.Keys) data.Add(backend, name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task The_proxy_behaves_the_same_on_each_backend(string backend, string test)
    {
        ProxyHarness.Backend.Value = backend == "uring" ? EgressIo.Uring : EgressIo.Epoll;
        try
        {
            await Cases[test]();
        }
        finally
        {
            ProxyHarness.Backend.Value = null;
        }
    }
}
