using System;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NetDsl.Docker.Tests.Faults;

/// <summary>
/// A certificate authority made for one test run, and the server and client certificates it signs, written as the
/// PEM files dockerd (--tlscacert/--tlscert/--tlskey) and the Docker client (ca.pem, cert.pem, key.pem) read.
/// </summary>
internal sealed class TestPki : IDisposable
{
    private readonly RSA _caKey = RSA.Create(2048);

    public TestPki(string name)
    {
        var request = new CertificateRequest("CN=" + name, _caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        Authority = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));
    }

    public X509Certificate2 Authority { get; }

    /// <summary>Writes ca.pem, cert.pem and key.pem into <paramref name="folder"/>: a server certificate for these addresses, or a client one.</summary>
    public void Issue(string folder, string commonName, params IPAddress[] serverAddresses)
    {
        Directory.CreateDirectory(folder);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=" + commonName, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        bool server = serverAddresses.Length > 0;
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            new OidCollection { new Oid(server ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2") }, false));
        if (server)
        {
            var san = new SubjectAlternativeNameBuilder();
            foreach (var a in serverAddresses) san.AddIpAddress(a);
            request.CertificateExtensions.Add(san.Build());
        }
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        using var cert = request.Create(Authority, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1), serial);
        File.WriteAllText(Path.Combine(folder, "ca.pem"), Authority.ExportCertificatePem() + "\n");
        File.WriteAllText(Path.Combine(folder, "cert.pem"), cert.ExportCertificatePem() + "\n");
        File.WriteAllText(Path.Combine(folder, "key.pem"), key.ExportPkcs8PrivateKeyPem() + "\n");
    }

    public void Dispose()
    {
        Authority.Dispose();
        _caKey.Dispose();
    }
}
