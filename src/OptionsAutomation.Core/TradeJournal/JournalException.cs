namespace OptionsAutomation.Core.TradeJournal;

/// <summary>A journal note that cannot be written as asked: bad text or tag, or nothing to write it on.</summary>
public class JournalException(string message) : Exception(message);

/// <summary>The position, proposal or entry a note was meant for does not exist (the API answers 404, not 400).</summary>
public sealed class JournalSubjectNotFoundException(string message) : JournalException(message);
