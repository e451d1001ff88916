namespace OptionsAutomation.Core.Analytics.Periods;

/// <summary>Port: the report's chart as a PNG (the account's equity against SPY buy-and-hold), for the chat.</summary>
public interface IPeriodReportChart
{
    byte[] Png(PeriodReport report);
}
