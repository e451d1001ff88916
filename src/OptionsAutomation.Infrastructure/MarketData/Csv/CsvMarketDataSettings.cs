namespace OptionsAutomation.Infrastructure.MarketData.Csv;

/// <summary>
/// Appsettings section <c>MarketData:Csv</c>: which end-of-day files the <c>csv</c> provider replays. Relative
/// paths are taken from the current directory.
/// </summary>
public sealed record CsvMarketDataSettings
{
    public const string SectionName = "MarketData:Csv";

    /// <summary>09:30 to 16:00: a quote taken to be the market before the open would belong to no session.</summary>
    public const int MaxMinutesBeforeClose = 390;

    /// <summary>Chain CSV files, or directories whose <c>*.csv</c> files are read (those without chain columns are passed over).</summary>
    public IReadOnlyList<string> ChainFiles { get; init; } = [];

    /// <summary>Symbol → daily bar file. A symbol without one takes its quotes from the chains' <c>underlying_last</c>.</summary>
    public IReadOnlyDictionary<string, string> UnderlyingFiles { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// How many minutes before 16:00 New York the files' end-of-day quotes are taken to be the market (0: at the close).
    /// A replay that acts before the close sets it: the backtest takes a session's quotes to be the market 10 minutes
    /// before it and runs its exit rules a minute later, so <c>exits check --at</c> that instant sees the same day's quotes
    /// only with 10 here (at 0 they are the day before's, and stale).
    /// </summary>
    public int MinutesBeforeClose { get; init; }

    /// <summary>Every invalid setting, each message naming its key; empty when valid. Files are checked when first read.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ChainFiles.Count == 0 || ChainFiles.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add($"{SectionName}:{nameof(ChainFiles)} must list at least one chain file or directory, and no blank entry.");
        }

        if (MinutesBeforeClose is < 0 or > MaxMinutesBeforeClose)
        {
            errors.Add($"{SectionName}:{nameof(MinutesBeforeClose)} must be from 0 to {MaxMinutesBeforeClose} (the regular session), was {MinutesBeforeClose}.");
        }

        foreach (var symbol in UnderlyingFiles.Where(u => string.IsNullOrWhiteSpace(u.Value)).Select(u => u.Key))
        {
            errors.Add($"{SectionName}:{nameof(UnderlyingFiles)}:{symbol} is blank; give the daily bar file for {symbol} or remove the entry.");
        }

        return errors;
    }
}
