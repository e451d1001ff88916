using Microsoft.Extensions.Logging;

namespace OptionsAutomation.Infrastructure.Audit;

/// <summary>
/// Mirrors committed <c>audit_events</c> rows into the daily JSON-lines files of <see cref="AuditSettings.Directory"/>:
/// every event after the last one in the files, up to the <see cref="AuditHorizon"/>, in <c>event_id</c> order.
/// </summary>
/// <remarks>
/// Rows, not append-time writes: an event is inserted inside the transaction of its change, which may still roll
/// back, so only what the database committed is written. The position lives in the files (see
/// <see cref="AuditFiles.LastExportedId"/>) and each line is on disk before the next is written, so after a crash
/// the next export resumes at the first event missing from them: none twice, none skipped.
/// </remarks>
public sealed partial class AuditExporter(AuditReader reader, AuditHorizon horizon, AuditSettings settings, ILogger<AuditExporter> logger)
{
    private const int PageSize = 500;

    /// <summary>The export directory, absolute (relative settings are taken from the current directory).</summary>
    public string Directory => Path.GetFullPath(settings.Directory);

    /// <summary>Writes the committed events not yet in the files; returns how many.</summary>
    public async Task<int> ExportAsync(CancellationToken cancellationToken)
    {
        var directory = Directory;
        System.IO.Directory.CreateDirectory(directory);
        using var directoryLock = AuditDirectoryLock.TryAcquire(directory);
        if (directoryLock is null)
        {
            // Another process is exporting to this directory right now; its run covers these events.
            LogBusy(directory);
            return 0;
        }

        var position = AuditFiles.LastExportedId(directory);
        if (await horizon.AfterAsync(position, cancellationToken).ConfigureAwait(false) is not { } through)
        {
            return 0;
        }

        var exported = 0;
        using var writer = new AuditFileWriter(directory);
        for (var page = await reader.PageAsync(position, through, PageSize, cancellationToken).ConfigureAwait(false);
             page.Count > 0;
             page = await reader.PageAsync(position, through, PageSize, cancellationToken).ConfigureAwait(false))
        {
            foreach (var record in page)
            {
                writer.Append(record);
                position = record.EventId;
                exported++;
            }
        }

        if (exported > 0)
        {
            LogExported(exported, position, directory);
        }

        return exported;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Audit export skipped: another exporter holds {Directory}")]
    private partial void LogBusy(string directory);

    // Not {EventId}: Serilog's provider writes the log call's EventId (id and name) under that property, hiding ours.
    [LoggerMessage(Level = LogLevel.Information, Message = "Exported {Count} audit event(s) through event {LastAuditEventId} to {Directory}")]
    private partial void LogExported(int count, long lastAuditEventId, string directory);
}
