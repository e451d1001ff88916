using OptionsAutomation.Core.Positions;

namespace OptionsAutomation.Benchmarks.Positions;

/// <summary>
/// The floor of a fills replay: one mutable FIFO queue of lots per symbol, updated in place, no checks, no versions and
/// no record of each realizing fill, only the totals the ledger also keeps. Flips close the whole position and open the rest.
/// </summary>
internal sealed class PlainFifo
{
    private readonly Dictionary<string, Instrument> _instruments = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, Instrument> Instruments => _instruments;

    public void Apply(Fill fill)
    {
        if (!_instruments.TryGetValue(fill.Symbol, out var instrument))
        {
            instrument = new Instrument(fill.Multiplier);
            _instruments.Add(fill.Symbol, instrument);
        }

        instrument.Apply(fill);
    }

    internal sealed class Instrument(int multiplier)
    {
        // The open lots are _lots[_head.._lots.Count), the oldest first; the oldest is changed in place on a partial close.
        private readonly List<(int Quantity, decimal Price)> _lots = [];
        private int _head;

        public int Quantity { get; private set; }

        public decimal RealizedPnl { get; private set; }

        public decimal Fees { get; private set; }

        public void Apply(Fill fill)
        {
            Fees += fill.Fee;
            var signed = fill.SignedQuantity;
            var toClose = Quantity == 0 || Math.Sign(signed) == Math.Sign(Quantity) ? 0 : Math.Min(fill.Quantity, Math.Abs(Quantity));
            var direction = Math.Sign(Quantity);
            for (var left = toClose; left > 0;)
            {
                var (lotQuantity, lotPrice) = _lots[_head];
                var taken = Math.Min(lotQuantity, left);
                RealizedPnl += direction * (fill.Price - lotPrice) * taken * multiplier;
                left -= taken;
                if (taken == lotQuantity)
                {
                    _head++;
                }
                else
                {
                    _lots[_head] = (lotQuantity - taken, lotPrice);
                }
            }

            if (_head == _lots.Count)
            {
                _lots.Clear();
                _head = 0;
            }

            if (fill.Quantity > toClose)
            {
                _lots.Add((fill.Quantity - toClose, fill.Price));
            }

            Quantity += signed;
        }
    }
}
