namespace OptionsAutomation.Infrastructure;

/// <summary>Settings that cannot be used; the message names every bad key. Start-up stops on it.</summary>
public sealed class InvalidConfigurationException(IReadOnlyList<string> problems)
    : Exception("invalid configuration: " + string.Join(" ", problems));
