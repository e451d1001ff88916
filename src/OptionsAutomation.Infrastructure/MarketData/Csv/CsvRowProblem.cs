namespace OptionsAutomation.Infrastructure.MarketData.Csv;

/// <summary>A row the reader refused and skipped: where it is and why.</summary>
public sealed record CsvRowProblem(string Path, int Line, string Reason)
{
    public override string ToString() => $"{Path}:{Line}: {Reason}";
}
