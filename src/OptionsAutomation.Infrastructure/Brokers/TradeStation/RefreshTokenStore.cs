using Microsoft.AspNetCore.DataProtection;

namespace OptionsAutomation.Infrastructure.Brokers.TradeStation;

/// <summary>
/// The refresh token at rest: encrypted with ASP.NET Core Data Protection (key ring in
/// <see cref="TradeStationSettings.KeyRingDirectory"/>) in <see cref="TradeStationSettings.TokenFile"/>, written
/// atomically (temp file, then rename) and readable by the owner only. The stored token wins over
/// <see cref="EnvironmentVariable"/>, because a rotated token is newer than whatever the environment was given.
/// </summary>
public sealed class RefreshTokenStore
{
    public const string EnvironmentVariable = "TRADESTATION_REFRESH_TOKEN";

    // Changing the purpose makes every stored token unreadable: it is part of the file format.
    private const string Purpose = "OptionsAutomation.TradeStation.RefreshToken.v1";

    private readonly IDataProtector _protector;
    private readonly string _file;
    private readonly string? _fromEnvironment;

    public RefreshTokenStore(TradeStationSettings settings, string? fromEnvironment)
    {
        // On Linux and macOS the key ring's keys are not themselves encrypted: the directory is the owner's alone.
        var keyRing = OperatingSystem.IsWindows()
            ? Directory.CreateDirectory(Path.GetFullPath(settings.KeyRingDirectory))
            : Directory.CreateDirectory(Path.GetFullPath(settings.KeyRingDirectory), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _protector = DataProtectionProvider.Create(keyRing).CreateProtector(Purpose);
        _file = Path.GetFullPath(settings.TokenFile);
        _fromEnvironment = string.IsNullOrWhiteSpace(fromEnvironment) ? null : fromEnvironment.Trim();
    }

    /// <summary>The environment's value of <see cref="EnvironmentVariable"/>, for composition.</summary>
    public static string? ReadEnvironment() => System.Environment.GetEnvironmentVariable(EnvironmentVariable);

    /// <summary>Where the current refresh token comes from, for <c>broker status</c>.</summary>
    public RefreshTokenSource Source => File.Exists(_file) ? RefreshTokenSource.Stored : _fromEnvironment is null ? RefreshTokenSource.None : RefreshTokenSource.Environment;

    /// <summary>The refresh token, or null when none was ever stored or given.</summary>
    public string? Load()
    {
        if (!File.Exists(_file))
        {
            return _fromEnvironment;
        }

        try
        {
            return _protector.Unprotect(File.ReadAllText(_file).Trim());
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new TradeStationAuthException(
                $"the stored TradeStation token in {_file} cannot be decrypted with the key ring ({e.Message}); run 'optauto broker login' again.");
        }
    }

    public void Save(string refreshToken)
    {
        var directory = Path.GetDirectoryName(_file)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(_file)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temporary, options))
        {
            writer.Write(_protector.Protect(refreshToken));
        }

        File.Move(temporary, _file, overwrite: true);
    }
}

public enum RefreshTokenSource
{
    None,
    Stored,
    Environment,
}
