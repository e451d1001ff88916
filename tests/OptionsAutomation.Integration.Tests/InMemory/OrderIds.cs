using System.Text.RegularExpressions;

namespace OptionsAutomation.Integration.Tests.InMemory;

/// <summary>
/// A closing order's id ends in a version-7 GUID, random after its timestamp, so two runs of one scenario name the same
/// order differently; comparisons replace that part.
/// </summary>
internal static partial class OrderIds
{
    public static string? Stable(string? text) => text is null ? null : CloseOrderId().Replace(text, "close-$1-*");

    [GeneratedRegex("close-([0-9]+)-[0-9a-f]{32}")]
    private static partial Regex CloseOrderId();
}
