using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Passerelle.Core.Data;
using Passerelle.Hosting;

namespace Passerelle.Security;

/// <summary><c>DataProtection:CertificatePath</c> and <c>:CertificatePassword</c>: a PKCS #12 file.</summary>
internal sealed class KeyProtectionOptions
{
    public const string Section = "DataProtection";

    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }
}

/// <summary>
/// Every node signs cookies and antiforgery tokens with the same keys, kept in the database. A copy of the database
/// (a backup, a replica) must not also hand over those keys, so outside a developer's machine they are encrypted with
/// an X.509 certificate that lives beside the binary, not in the database.
/// </summary>
internal static class KeyProtection
{
    public static IServiceCollection AddPasserelleDataProtection(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(KeyProtectionOptions.Section).Get<KeyProtectionOptions>() ?? new();
        var keys = services.AddDataProtection().SetApplicationName("passerelle").PersistKeysToDbContext<PasserelleDb>();
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            keys.ProtectKeysWithCertificate(Load(options.CertificatePath, options.CertificatePassword));
        }
        else if (!HostEnvironments.IsLocal(environment))
        {
            throw new StartupRefusedException(
                $"The {environment.EnvironmentName} environment needs a certificate to encrypt the data-protection " +
                "keys kept in the database: set DataProtection:CertificatePath to a .pfx file with its private key " +
                "(and DataProtection:CertificatePassword if it has one), or run in the Development environment.");
        }

        return services;
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new StartupRefusedException(
                $"The data-protection certificate DataProtection:CertificatePath ({path}) could not be read: " +
                ex.Message);
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new StartupRefusedException(
                $"The data-protection certificate {path} has no private key; without it no key could be read back.");
        }

        return certificate;
    }
}
