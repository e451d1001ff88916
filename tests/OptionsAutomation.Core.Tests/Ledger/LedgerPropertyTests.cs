using OptionsAutomation.Core.Positions;
using OptionsAutomation.Core.Tests.Support;

namespace OptionsAutomation.Core.Tests.Ledger;

/// <summary>
/// Properties that hold for any fills, checked on pseudo-random sequences from a fixed seed (the same cases on every
/// run): short and long, adds, partial closes and flips, on shares and on an option.
/// </summary>
public sealed class LedgerPropertyTests
{
    private const int Seed = 20260220;
    private const int Cases = 300;
    private const int FillsPerCase = 20;

    private static readonly RealizedPnlMethod[] Methods = [RealizedPnlMethod.Fifo, RealizedPnlMethod.AverageCost];

    // Whatever the method, realized + unrealized at a mark is what the cash did plus what the position is worth there:
    // Σ sells − Σ buys + quantity × mark × multiplier. Once flat it is all realized, and the two methods agree exactly.
    [Fact]
    public void AtAnyMark_RealizedPlusUnrealized_IsTheCashFlowUnderBothMethods()
    {
        var random = new Random(Seed);
        for (var c = 0; c < Cases; c++)
        {
            var fills = RandomFills(random, c);
            var fifo = InstrumentLedger.Flat(fills[0].Symbol, fills[0].Multiplier, RealizedPnlMethod.Fifo);
            var average = InstrumentLedger.Flat(fills[0].Symbol, fills[0].Multiplier, RealizedPnlMethod.AverageCost);
            var cash = 0m;
            foreach (var fill in fills)
            {
                fifo = fifo.Apply(fill).Ledger;
                average = average.Apply(fill).Ledger;
                cash -= fill.SignedQuantity * fill.Price * fill.Multiplier;
                var mark = RandomPrice(random);
                var worth = cash + fifo.Quantity * mark * fill.Multiplier;

                Assert.Equal(worth, fifo.RealizedPnl + fifo.UnrealizedPnlAt(mark));
                Assert.Equal(worth, average.RealizedPnl + average.UnrealizedPnlAt(mark));
                Assert.Equal(fifo.Quantity, average.Quantity);
            }

            var last = fills[^1];
            if (!fifo.IsFlat)
            {
                var close = new Fill(last.Time, last.Symbol, fifo.Quantity > 0 ? FillSide.Sell : FillSide.Buy, Math.Abs(fifo.Quantity), RandomPrice(random), 0m, last.Multiplier);
                fifo = fifo.Apply(close).Ledger;
                average = average.Apply(close).Ledger;
                cash -= close.SignedQuantity * close.Price * close.Multiplier;
            }

            Assert.Equal(cash, fifo.RealizedPnl);
            Assert.Equal(cash, average.RealizedPnl);
        }
    }

    [Fact]
    public void AfterAnyMarks_UnrealizedLiesBetweenMaeAndMfe()
    {
        var random = new Random(Seed + 1);
        for (var c = 0; c < Cases; c++)
        {
            var fills = RandomFills(random, c);
            var ledger = InstrumentLedger.Flat(fills[0].Symbol, fills[0].Multiplier, RealizedPnlMethod.Fifo);
            foreach (var fill in fills)
            {
                ledger = ledger.Apply(fill).Ledger.Mark(RandomPrice(random)).Mark(RandomPrice(random));
                if (!ledger.IsFlat)
                {
                    Assert.InRange(ledger.UnrealizedPnl!.Value, ledger.Mae!.Value, ledger.Mfe!.Value);
                }
            }
        }
    }

    // A fill that takes the position through zero books exactly what a fill closing it and a second opening the rest
    // would, the fee shared by quantity (the closing share rounded to the cent, the rest to the opening part).
    [Fact]
    public void AnyFlip_EqualsACloseThenAnOpen()
    {
        var random = new Random(Seed + 2);
        for (var c = 0; c < Cases; c++)
        {
            foreach (var method in Methods)
            {
                var fills = RandomFills(random, c);
                var (ledger, _) = TestFills.Replay(method, fills);
                if (ledger.IsFlat)
                {
                    continue;
                }

                var held = Math.Abs(ledger.Quantity);
                var flip = new Fill(fills[^1].Time, ledger.Symbol, ledger.Quantity > 0 ? FillSide.Sell : FillSide.Buy,
                    held + random.Next(1, 11), RandomPrice(random), RandomFee(random), ledger.Multiplier);
                var closingFee = Math.Round(flip.Fee * held / flip.Quantity, 2, MidpointRounding.AwayFromZero);
                var close = new Fill(flip.Time, flip.Symbol, flip.Side, held, flip.Price, closingFee, flip.Multiplier);
                var open = new Fill(flip.Time, flip.Symbol, flip.Side, flip.Quantity - held, flip.Price, flip.Fee - closingFee, flip.Multiplier);

                var flipped = ledger.Apply(flip);
                var closed = ledger.Apply(close);
                var reopened = closed.Ledger.Apply(open);

                Assert.Equal(reopened.Ledger, flipped.Ledger);
                Assert.Equal(closed.Realized, flipped.Realized);
                Assert.Null(reopened.Realized);
                Assert.Equal(-Math.Sign(ledger.Quantity) * (flip.Quantity - held), flipped.Ledger.Quantity);
            }
        }
    }

    // The same fills with every fee set to zero realize the same gross P&L, fill by fill; the fees only add up beside it.
    [Fact]
    public void AnyFees_NeverChangeGrossPnl()
    {
        var random = new Random(Seed + 3);
        for (var c = 0; c < Cases; c++)
        {
            foreach (var method in Methods)
            {
                var fills = RandomFills(random, c);
                var free = fills.Select(f => new Fill(f.Time, f.Symbol, f.Side, f.Quantity, f.Price, 0m, f.Multiplier)).ToArray();

                var (charged, chargedRealized) = TestFills.Replay(method, fills);
                var (unCharged, unChargedRealized) = TestFills.Replay(method, free);

                Assert.Equal(unCharged.RealizedPnl, charged.RealizedPnl);
                Assert.Equal(unCharged.CostBasis, charged.CostBasis);
                Assert.Equal(unChargedRealized.Select(r => r.RealizedPnl), chargedRealized.Select(r => r.RealizedPnl));
                Assert.Equal(fills.Sum(f => f.Fee), charged.Fees);
                Assert.Equal(charged.RealizedPnl - charged.Fees, charged.NetRealizedPnl);
            }
        }
    }

    /// <summary>Even cases trade shares, odd ones a put (four-decimal prices, multiplier 100).</summary>
    private static Fill[] RandomFills(Random random, int caseNumber)
    {
        var (symbol, multiplier) = caseNumber % 2 == 0 ? (TestFills.Shares, 1) : (TestFills.Put580, 100);
        var fills = new Fill[FillsPerCase];
        for (var i = 0; i < fills.Length; i++)
        {
            var side = random.Next(2) == 0 ? FillSide.Buy : FillSide.Sell;
            fills[i] = new Fill(TestFills.Start.AddMinutes(i), symbol, side, random.Next(1, 11), RandomPrice(random), RandomFee(random), multiplier);
        }

        return fills;
    }

    /// <summary>0 to 20 with four decimals, so averages and pro-rated fees do not divide evenly.</summary>
    private static decimal RandomPrice(Random random) => random.Next(0, 200_001) / 10_000m;

    private static decimal RandomFee(Random random) => random.Next(0, 500) / 100m;
}
