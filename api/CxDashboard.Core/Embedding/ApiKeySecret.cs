using System.Security.Cryptography;
using System.Text;

namespace CxDashboard.Core.Embedding;

/// <summary>
/// API keys look like <c>cxk_k7f3a9c21e0b4d5f_&lt;43 base64url characters&gt;</c>: a public key id, then a 256-bit
/// secret. Only SHA-256 of the secret is stored; a presented key is found by its id and compared in constant time.
/// </summary>
public static class ApiKeySecret
{
    public const string Prefix = "cxk_";

    public static (string KeyId, string Key, byte[] Hash) Create()
    {
        var keyId = "k" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (keyId, $"{Prefix}{keyId}_{secret}", Hash(secret));
    }

    /// <summary>Splits a presented key into its id and secret; false when it is not shaped like one.</summary>
    public static bool TryParse(string? key, out string keyId, out string secret)
    {
        keyId = secret = "";
        if (key is null || !key.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var rest = key[Prefix.Length..];
        var cut = rest.IndexOf('_', StringComparison.Ordinal);
        if (cut <= 0 || cut > 40 || rest.Length - cut - 1 < 32) return false;
        keyId = rest[..cut];
        secret = rest[(cut + 1)..];
        return IsKeyId(keyId) && secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
    }

    /// <summary>Whether the text is shaped like a key id (k and 16 hex digits), before it goes near the database.</summary>
    public static bool IsKeyId(string? text) =>
        text is { Length: 17 } && text[0] == 'k' && text.Skip(1).All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static bool Matches(string secret, byte[] storedHash) => CryptographicOperations.FixedTimeEquals(Hash(secret), storedHash);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
