namespace OptionsAutomation.Infrastructure.Audit;

/// <summary>
/// An exclusive lock on the export directory (a lock file opened with <see cref="FileShare.None"/>, an flock on
/// Unix), so the worker and <c>optauto audit tail</c> never append the same events to the same files. Scoped to the
/// directory, not the database: workers on other machines keep their own copies.
/// </summary>
internal sealed class AuditDirectoryLock : IDisposable
{
    private const string FileName = ".export.lock";

    private readonly FileStream _file;

    private AuditDirectoryLock(FileStream file) => _file = file;

    /// <summary>The lock, or null while another exporter holds it.</summary>
    public static AuditDirectoryLock? TryAcquire(string directory)
    {
        try
        {
            return new AuditDirectoryLock(new FileStream(Path.Combine(directory, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}
