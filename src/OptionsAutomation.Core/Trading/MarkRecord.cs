using OptionsAutomation.Core.Marks;

namespace OptionsAutomation.Core.Trading;

/// <summary>One mark of a batch to store, with the alert it raises (a stale or unusable mark), if any.</summary>
public sealed record MarkRecord(MarkUpdate Update, Alert? Alert);
