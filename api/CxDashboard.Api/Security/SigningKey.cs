using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace CxDashboard.Api.Security;

/// <summary>The symmetric key that signs demo and embed tokens.</summary>
public sealed class SigningKey(AuthOptions options)
{
    // Without a configured key every process gets its own, so tokens never outlive the process;
    // a multi-node deployment must configure Auth:SigningKey.
    public SymmetricSecurityKey Key { get; } = new(
        !string.IsNullOrWhiteSpace(options.SigningKey) ? Decode(options.SigningKey)
        : !string.IsNullOrWhiteSpace(options.SigningKeyFile) ? FromFile(options.SigningKeyFile)
        : RandomNumberGenerator.GetBytes(32));

    /// <summary>The key kept in a file (created on first use, readable and writable by its owner only: mode 0600).</summary>
    private static byte[] FromFile(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var fresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            try
            {
                var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                using var w = new StreamWriter(path, create);
                w.Write(fresh);
            }
            catch (IOException) when (File.Exists(path))
            {
                // another process created it first: use theirs
            }
        }
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return Decode(File.ReadAllText(path).Trim());
    }

    private static byte[] Decode(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        return bytes.Length >= 32
            ? bytes
            : throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes (base64-encoded).");
    }
}
