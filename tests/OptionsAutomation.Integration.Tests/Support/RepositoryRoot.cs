namespace OptionsAutomation.Integration.Tests.Support;

/// <summary>The checkout the tests run from (the directory holding OptionsAutomation.sln).</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Migrations => System.IO.Path.Combine(Path, "db", "migrations");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "OptionsAutomation.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no OptionsAutomation.sln above {AppContext.BaseDirectory}");
    }
}
