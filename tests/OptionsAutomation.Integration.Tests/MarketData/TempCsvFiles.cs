using System.Text;

namespace OptionsAutomation.Integration.Tests.MarketData;

/// <summary>Small CSV files written byte for byte into a temporary directory, deleted with it.</summary>
internal sealed class TempCsvFiles : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("optauto-csv-").FullName;

    /// <summary>Writes <paramref name="lines"/> joined by <paramref name="newline"/>, with a final one only when asked.</summary>
    public string Write(string name, IEnumerable<string> lines, string newline = "\n", bool finalNewline = true, bool byteOrderMark = false)
    {
        var text = string.Join(newline, lines) + (finalNewline ? newline : "");
        var bytes = Encoding.UTF8.GetBytes(text);
        var path = Path.Combine(Directory, name);
        File.WriteAllBytes(path, byteOrderMark ? [.. Encoding.UTF8.Preamble, .. bytes] : bytes);
        return path;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
