using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace CxDashboard.Api.Security;

/// <summary>The symmetric key that signs demo and embed tokens.</summary>
public sealed class SigningKey(AuthOptions options)
{
    // Without a configured key every process gets its own, so tokens never outlive the process;
    // a multi-node deployment must configure Auth:SigningKey.
    public SymmetricSecurityKey Key { get; } = new(
        string.IsNullOrWhiteSpace(options.SigningKey) ? RandomNumberGenerator.GetBytes(32) : Decode(options.SigningKey));

    private static byte[] Decode(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        return bytes.Length >= 32
            ? bytes
            : throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes (base64-encoded).");
    }
}
