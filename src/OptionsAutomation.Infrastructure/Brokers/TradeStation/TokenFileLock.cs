namespace OptionsAutomation.Infrastructure.Brokers.TradeStation;

/// <summary>
/// An exclusive lock shared by every optauto process using one token file (the worker and the CLI verbs run beside it):
/// a lock file next to it, held open with no sharing, which the OS releases when the holder exits, even on kill -9.
/// Held from reading the refresh token to storing the one a rotating key sends back, so two processes never spend the
/// same token: the second reads the first one's new token instead of being refused.
/// </summary>
public sealed class TokenFileLock : IDisposable
{
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(50);

    private readonly FileStream _held;

    private TokenFileLock(FileStream held) => _held = held;

    /// <exception cref="TimeoutException">another process held it for longer than <paramref name="timeout"/>.</exception>
    public static async Task<TokenFileLock> AcquireAsync(string tokenFile, TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(tokenFile) + ".lock";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var deadline = clock.GetUtcNow() + timeout;
        while (true)
        {
            try
            {
                return new TokenFileLock(new FileStream(path, options));
            }
            catch (IOException) when (clock.GetUtcNow() < deadline)
            {
                await Task.Delay(Retry, clock, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new TimeoutException($"another optauto process held the TradeStation token lock {path} for over {timeout.TotalSeconds:0} s.", e);
            }
        }
    }

    public void Dispose() => _held.Dispose();
}
