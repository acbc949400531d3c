using System.Net.Http.Json;
using Smooth.Core;
using Smooth.Core.Net;

namespace Smooth.Credentials;

/// <summary>The in-sandbox side: asks the host stub, through its mounted Unix socket, for a credential for one URL.</summary>
public sealed class CredentialClient : IDisposable
{
    /// <summary>The environment variable holding the stub's socket path inside the sandbox.</summary>
    public const string SocketVariable = "SMOOTH_CREDS_SOCKET";

    private readonly HttpClient _http;
    private readonly string _socketPath;

    /// <summary>Creates a client for the stub listening on <paramref name="socketPath"/>.</summary>
    public CredentialClient(string socketPath)
    {
        _socketPath = socketPath;
        _http = UnixSocketHttp.CreateClient(socketPath, TimeSpan.FromMinutes(11));
        _http.BaseAddress = new Uri("http://host-stub/");
    }

    /// <summary>A client for the socket named by <c>SMOOTH_CREDS_SOCKET</c>; a clear error when it is unset.</summary>
    public static CredentialClient FromEnvironment()
    {
        var path = Environment.GetEnvironmentVariable(SocketVariable);
        if (string.IsNullOrEmpty(path))
        {
            throw new SmoothException($"{SocketVariable} is not set, so the credential stub cannot be reached",
                $"run 'th host-stub --socket PATH' on the host, mount PATH into the sandbox and set {SocketVariable} to it", ExitCodes.Environment);
        }
        return new CredentialClient(path);
    }

    /// <summary>Requests a credential for <paramref name="url"/>; throws <see cref="SmoothException"/> with the stub's reason when refused.</summary>
    public async Task<CredentialResponse> GetAsync(string url, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.PostAsJsonAsync("v1/credentials", new CredentialRequest(url), CredentialsJsonContext.Default.CredentialRequest, ct);
        }
        catch (HttpRequestException e)
        {
            throw new SmoothException($"could not reach the credential stub at '{_socketPath}': {e.Message}",
                "check that 'th host-stub' is running on the host and its socket is mounted here", ExitCodes.Environment, e);
        }
        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return await response.Content.ReadFromJsonAsync(CredentialsJsonContext.Default.CredentialResponse, ct)
                    ?? throw new SmoothException("the credential stub sent an empty answer");
            }
            CredentialError? error = null;
            try
            {
                error = await response.Content.ReadFromJsonAsync(CredentialsJsonContext.Default.CredentialError, ct);
            }
            catch (System.Text.Json.JsonException) { }
            var code = (int)response.StatusCode == 403 ? ExitCodes.Denied : (int)response.StatusCode == 400 ? ExitCodes.BadInput : ExitCodes.Failure;
            throw new SmoothException(error?.Error ?? $"the credential stub answered {(int)response.StatusCode}", error?.Hint, code);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
