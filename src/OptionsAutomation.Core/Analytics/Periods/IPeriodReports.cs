namespace OptionsAutomation.Core.Analytics.Periods;

/// <summary>Port: the stored trades, positions and benchmark closes a <see cref="PeriodReport"/> is computed from.</summary>
public interface IPeriodReports
{
    /// <summary>The report of <paramref name="period"/> over its days up to <paramref name="through"/>.</summary>
    Task<PeriodReport> ReadAsync(ReportPeriod period, DateOnly through, CancellationToken cancellationToken);
}
