namespace OptionsAutomation.Core.TradeJournal;

/// <summary>A journal note that cannot be written as asked: bad text or tag, or nothing to write it on.</summary>
public sealed class JournalException(string message) : Exception(message);
