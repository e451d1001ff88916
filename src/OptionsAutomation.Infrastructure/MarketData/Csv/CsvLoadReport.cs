namespace OptionsAutomation.Infrastructure.MarketData.Csv;

/// <summary>
/// What loading the CSV files produced. <see cref="Skipped"/> lists every refused row with its file, line and
/// reason; <see cref="CrossedQuotes"/> counts quotes kept although bid exceeds ask (real, e.g. SPY on the
/// 2021-09-17 expiration day): the quote is the source's, judging it is the caller's job.
/// </summary>
public sealed record CsvLoadReport(
    int ChainFiles,
    IReadOnlyList<string> IgnoredFiles,
    int UnderlyingFiles,
    int OptionQuotes,
    int Contracts,
    int ChainSnapshots,
    int CrossedQuotes,
    IReadOnlyList<CsvRowProblem> Skipped,
    TimeSpan Elapsed);
