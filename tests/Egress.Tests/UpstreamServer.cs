using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Smooth.Egress.Tests;

/// <summary>A real Kestrel server on 127.0.0.1 (HTTP, or HTTPS with a throwaway certificate) that counts requests.</summary>
public sealed class UpstreamServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private UpstreamServer(WebApplication app) => _app = app;

    public int Port { get; private set; }

    public int Requests => Volatile.Read(ref _requests);

    public static async Task<UpstreamServer> StartAsync(bool https = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var cert = https ? CreateCertificate() : null;
        builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0, l =>
        {
            l.Protocols = HttpProtocols.Http1;
            if (cert is not null) l.UseHttps(cert);
        }));
        var app = builder.Build();
        var server = new UpstreamServer(app);
        app.Use(async (ctx, next) =>
        {
            Interlocked.Increment(ref server._requests);
            await next(ctx);
        });
        app.MapMethods("/hello", ["GET", "HEAD"], () => "hello from upstream");
        app.MapGet("/headers", (HttpContext c) => string.Join("\n", c.Request.Headers.Select(h => $"{h.Key}: {h.Value}")));
        app.MapPost("/echo", async (HttpContext c) =>
        {
            c.Response.ContentType = "application/octet-stream";
            await c.Request.Body.CopyToAsync(c.Response.Body);
        });
        app.MapGet("/big", (int n) => Results.Bytes(new byte[n], "application/octet-stream"));
        app.MapGet("/chunked", async (HttpContext c) =>
        {
            for (var i = 0; i < 5; i++)
            {
                await c.Response.WriteAsync($"part{i}\n");
                await c.Response.Body.FlushAsync();
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Port = new Uri(address).Port;
        return server;
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pkcs12), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
