namespace OptionsAutomation.Core.Tests.Support;

/// <summary>
/// Files under tests/data, and the market history the product ships under data/market, found from the checkout the
/// tests run in (the directory holding OptionsAutomation.sln).
/// </summary>
internal static class TestDataFiles
{
    public static string PathOf(string name) => Path.Combine(RepositoryRoot(), "tests", "data", name);

    /// <summary>A file of data/market (spy_daily.csv, vix_daily.csv, dtb3_daily.csv): the copies the product reads.</summary>
    public static string MarketHistory(string name) => Path.Combine(RepositoryRoot(), "data", "market", name);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OptionsAutomation.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no OptionsAutomation.sln above {AppContext.BaseDirectory}");
    }
}
