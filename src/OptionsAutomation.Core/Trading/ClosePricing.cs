using OptionsAutomation.Core.Orders;

namespace OptionsAutomation.Core.Trading;

/// <summary>
/// A closing order priced at the quotes: <see cref="Natural"/>, what it would cost buying at the asks and selling at the
/// bids (a credit is negative: crossed quotes between strikes), null without a two-sided quote on every leg; and its
/// <see cref="Walk"/>, null when walking is off or not asked for (the order then goes out marketable).
/// </summary>
public sealed record ClosePricing(decimal? Natural, PriceWalk? Walk);
