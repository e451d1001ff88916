using Microsoft.Extensions.Logging.Abstractions;
using OptionsAutomation.Infrastructure.MarketData.Csv;
using OptionsAutomation.Integration.Tests.Support;

namespace OptionsAutomation.Integration.Tests.MarketData;

/// <summary>
/// The market-data files the tests read: the copies under tests/data and the history and SPY 2021 chain the product
/// ships under data/market (always there), and the workspace's full
/// shared/data when a directory of that name sits above the checkout (CI clones with shared/ beside it).
/// </summary>
internal static class MarketDataFiles
{
    public static string TestData { get; } = Path.Combine(RepositoryRoot.Path, "tests", "data");

    public static string SpyOptions2021 => Path.Combine(RepositoryRoot.Path, "data", "market", "chains", "spy_2021", "spy_options_2021.csv");

    public static string SpyStock2021 => Path.Combine(RepositoryRoot.Path, "data", "market", "chains", "spy_2021", "spy_stock_2021.csv");

    public static string SpyDaily => Path.Combine(RepositoryRoot.Path, "data", "market", "spy_daily.csv");

    public static string Spx2019Subset => Path.Combine(TestData, "chains", "spx_2019");

    /// <summary>The workspace's shared/data directory, or null when this checkout has none above it.</summary>
    public static string? SharedData { get; } = FindSharedData();

    public static CsvMarketData Csv(IReadOnlyList<string> chainFiles, IReadOnlyDictionary<string, string>? underlyingFiles = null) =>
        new(new CsvMarketDataSettings { ChainFiles = chainFiles, UnderlyingFiles = underlyingFiles ?? new Dictionary<string, string>() },
            NullLogger<CsvMarketData>.Instance);

    private static string? FindSharedData()
    {
        for (var dir = new DirectoryInfo(RepositoryRoot.Path); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(Path.Combine(candidate, "chains", "spx_2019")))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>A test that reads the full shared/data files; skipped, saying why, where the checkout has none.</summary>
internal sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (MarketDataFiles.SharedData is null)
        {
            Skip = "no shared/data directory above this checkout; the tests/data subset covers the required cases.";
        }
    }
}
