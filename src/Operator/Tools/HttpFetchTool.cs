using System.Net;
using System.Text.Json;
using Smooth.Operator.Tools.Shell;

namespace Smooth.Operator.Tools;

/// <summary><c>http_fetch</c>: an HTTP GET through the egress proxy (the only way out), returning status and body text.</summary>
public sealed class HttpFetchTool : ITool, IDisposable
{
    private readonly HttpClient _http;

    /// <summary>Creates the tool; <paramref name="proxy"/> is the egress proxy URL (null only where no sandbox exists).</summary>
    public HttpFetchTool(Uri? proxy)
    {
        var handler = new SocketsHttpHandler
        {
            Proxy = proxy is null ? null : new WebProxy(proxy),
            UseProxy = proxy is not null,
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 5,
            ConnectTimeout = TimeSpan.FromSeconds(15),
        };
        _http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <inheritdoc />
    public string Name => "http_fetch";
    /// <inheritdoc />
    public string Description => "Fetch a URL (GET) through the egress proxy. Hosts not allowed by policy get 403 with the rule that refused them.";
    /// <inheritdoc />
    public string ParametersSchema => """{"type":"object","properties":{"url":{"type":"string"}},"required":["url"]}""";
    /// <inheritdoc />
    public bool ReadOnly => true;

    /// <inheritdoc />
    public async Task<string> InvokeAsync(JsonElement arguments, ToolContext context, CancellationToken ct)
    {
        var text = Args.String(arguments, "url");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new ToolException($"'{text}' is not an http or https URL");
        }
        try
        {
            using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var result = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}\n{OutputCap.Apply(body, context.OutputCapChars)}";
            return response.IsSuccessStatusCode ? result : throw new ToolException(result);
        }
        catch (HttpRequestException e)
        {
            throw new ToolException($"could not fetch {url}: {e.Message}");
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
