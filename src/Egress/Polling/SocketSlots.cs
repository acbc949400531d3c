namespace Smooth.Egress.Polling;

/// <summary>
/// A poller's table of registered sockets: one slot per socket, reused after release, each with a generation so that a
/// stale key (an event or completion for a socket already gone) never reaches the slot's next socket. How slot and
/// generation make a key is the poller's business (the io_uring poller keeps a bit for the operation's direction).
/// </summary>
internal sealed class SocketSlots
{
    private readonly object _lock = new();
    private PolledSocket?[] _slots = new PolledSocket?[64];
    private uint[] _generations = new uint[64];
    private readonly Stack<int> _free = new();
    private int _used;

    /// <summary>Puts <paramref name="socket"/> in a free slot; returns the slot and its new generation.</summary>
    public (int Slot, uint Generation) Add(PolledSocket socket)
    {
        lock (_lock)
        {
            if (!_free.TryPop(out var slot))
            {
                if (_used == _slots.Length)
                {
                    Array.Resize(ref _generations, _slots.Length * 2);
                    var grown = new PolledSocket?[_slots.Length * 2];
                    _slots.CopyTo(grown, 0);
                    Volatile.Write(ref _slots, grown);
                }
                slot = _used++;
            }
            var generation = ++_generations[slot];
            _slots[slot] = socket;
            return (slot, generation);
        }
    }

    /// <summary>Frees <paramref name="slot"/> if it still holds the socket of <paramref name="generation"/>.</summary>
    public void Remove(int slot, uint generation)
    {
        lock (_lock)
        {
            if (_slots[slot] is null || _generations[slot] != generation) return;
            _slots[slot] = null;
            _free.Push(slot);
        }
    }

    /// <summary>The socket in <paramref name="slot"/> now, without a lock (the poller's thread, once per event), or null.</summary>
    public PolledSocket? Find(int slot)
    {
        var slots = Volatile.Read(ref _slots);
        return slot < slots.Length ? slots[slot] : null;
    }
}
