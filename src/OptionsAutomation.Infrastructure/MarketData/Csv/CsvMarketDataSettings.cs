namespace OptionsAutomation.Infrastructure.MarketData.Csv;

/// <summary>
/// Appsettings section <c>MarketData:Csv</c>: which end-of-day files the <c>csv</c> provider replays. Relative
/// paths are taken from the current directory.
/// </summary>
public sealed record CsvMarketDataSettings
{
    public const string SectionName = "MarketData:Csv";

    /// <summary>Chain CSV files, or directories whose <c>*.csv</c> files are read (those without chain columns are passed over).</summary>
    public IReadOnlyList<string> ChainFiles { get; init; } = [];

    /// <summary>Symbol → daily bar file. A symbol without one takes its quotes from the chains' <c>underlying_last</c>.</summary>
    public IReadOnlyDictionary<string, string> UnderlyingFiles { get; init; } = new Dictionary<string, string>();

    /// <summary>Every invalid setting, each message naming its key; empty when valid. Files are checked when first read.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ChainFiles.Count == 0 || ChainFiles.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add($"{SectionName}:{nameof(ChainFiles)} must list at least one chain file or directory, and no blank entry.");
        }

        foreach (var symbol in UnderlyingFiles.Where(u => string.IsNullOrWhiteSpace(u.Value)).Select(u => u.Key))
        {
            errors.Add($"{SectionName}:{nameof(UnderlyingFiles)}:{symbol} is blank; give the daily bar file for {symbol} or remove the entry.");
        }

        return errors;
    }
}
