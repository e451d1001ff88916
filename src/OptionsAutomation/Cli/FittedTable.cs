using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OptionsAutomation.Cli;

/// <summary>
/// Writes a table only when every cell fits the output width; otherwise one record per block ("column  value" lines),
/// so a narrow terminal never squashes headers and ids to "Req… Sta…". The width is the terminal's, or for redirected
/// output <c>COLUMNS</c> when set, else <see cref="CliOutput.RedirectedWidth"/>.
/// </summary>
internal static class FittedTable
{
    /// <summary>Wider than any cell: a cell is measured on one line per line it holds.</summary>
    private const int UnlimitedWidth = 10_000;

    public static void Write(Table table)
    {
        var headers = table.Columns.Select(c => Plain(c.Header)).ToList();
        var rows = table.Rows.Select(row => row.Select(Plain).ToList()).ToList();
        if (NaturalWidth(headers, rows) <= CliOutput.Width)
        {
            AnsiConsole.Write(table);
            return;
        }

        AnsiConsole.Write(new Text(Blocks(headers, rows)));
    }

    /// <summary>Spectre's default table: one space of padding each side of a cell and a border between and around columns.</summary>
    private static int NaturalWidth(List<string> headers, List<List<string>> rows) =>
        headers.Select((header, i) => rows.Select(r => LongestLine(r[i])).Append(LongestLine(header)).Max() + 3).Sum() + 1;

    private static string Blocks(List<string> headers, List<List<string>> rows)
    {
        // A column without a header (a marker column) is labelled by its position, so its value is not left unnamed.
        var labels = headers.Select((h, i) => h.Length > 0 ? h : $"#{i + 1}").ToList();
        var labelWidth = labels.Max(l => l.Length);
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            for (var i = 0; i < labels.Count; i++)
            {
                var lines = row[i].Split('\n');
                text.Append(labels[i].PadRight(labelWidth)).Append("  ").Append(lines[0]).Append('\n');
                foreach (var line in lines.Skip(1))
                {
                    text.Append(' ', labelWidth + 2).Append(line).Append('\n');
                }
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static int LongestLine(string text) => text.Split('\n').Max(line => line.Length);

    /// <summary>A cell as plain text, rendered without width limit, colour or markup.</summary>
    private static string Plain(IRenderable renderable)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = UnlimitedWidth;
        console.Write(renderable);
        return string.Join('\n', writer.ToString().Replace("\r", "", StringComparison.Ordinal).TrimEnd('\n').Split('\n').Select(l => l.TrimEnd()));
    }
}
