namespace OptionsAutomation.Benchmarks;

/// <summary>The checkout the benchmarks run from (the directory holding OptionsAutomation.sln), found from the benchmark process.</summary>
public static class Checkout
{
    public static string Root { get; } = Find();

    private static string Find()
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
