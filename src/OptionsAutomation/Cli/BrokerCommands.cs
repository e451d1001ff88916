using System.CommandLine;

namespace OptionsAutomation.Cli;

/// <summary><c>optauto broker …</c>: the linked broker.</summary>
internal static class BrokerCommands
{
    public static Command Create(IReadOnlyList<string> overrides) =>
        new("broker", "The linked broker") { BrokerReconcileCommand.Create(overrides) };
}
