namespace OptionsAutomation.Core.Orders;

/// <summary>
/// One step of a price walk the broker accepted: order <see cref="ClientOrderId"/> re-priced at <see cref="At"/> from
/// <see cref="From"/> to <see cref="To"/> (net per share, debit positive; From is null when the order had no limit),
/// step <see cref="Step"/> of the walk, whose prices never go above <see cref="Cap"/>. Audited as <c>order.repriced</c>.
/// </summary>
public sealed record OrderReprice(string ClientOrderId, int Step, decimal? From, decimal To, decimal Cap, DateTimeOffset At, string Actor);
