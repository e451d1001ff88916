namespace OptionsAutomation.Infrastructure.MarketData.Csv;

/// <summary>A chain file to read; one found in a directory may turn out to be some other CSV and is then passed over.</summary>
internal readonly record struct ChainSource(string Path, bool FoundInDirectory);

/// <summary>Turns the configured chain entries into the files to read, in a fixed order.</summary>
internal static class CsvSources
{
    public static IReadOnlyList<ChainSource> ChainFiles(IEnumerable<string> entries)
    {
        var sources = new List<ChainSource>();
        foreach (var entry in entries)
        {
            var path = Path.GetFullPath(entry);
            if (Directory.Exists(path))
            {
                var files = Directory.GetFiles(path, "*.csv", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToList();
                if (files.Count == 0)
                {
                    throw new MarketDataFileException(path, 0, $"the directory named in {CsvMarketDataSettings.SectionName}:ChainFiles holds no .csv file.");
                }

                sources.AddRange(files.Select(f => new ChainSource(f, FoundInDirectory: true)));
            }
            else if (File.Exists(path))
            {
                sources.Add(new ChainSource(path, FoundInDirectory: false));
            }
            else
            {
                throw new MarketDataFileException(path, 0, $"no such file or directory (named in {CsvMarketDataSettings.SectionName}:ChainFiles).");
            }
        }

        return sources;
    }
}
